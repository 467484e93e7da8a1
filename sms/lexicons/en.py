"""English."""

from dataclasses import replace

from sms.lexicons import Lexicon

_ORDINAL_WORDS = {
    "first": 1,
    "second": 2,
    "third": 3,
    "fourth": 4,
    "fifth": 5,
    "sixth": 6,
    "seventh": 7,
    "eighth": 8,
    "ninth": 9,
    "tenth": 10,
    "eleventh": 11,
    "twelfth": 12,
    "twelveth": 12,
    "fith": 5,
    "forth": 4,
    "nineth": 9,
    "fouth": 4,
    "thrid": 3,
    "secound": 2,
    "eigth": 8,
    "eight grade": 8,
}
_ORDINAL_WORDS.pop("eight grade")
_ORDINAL_DIGITS = {
    f"{n}{suffix}": n
    for n, suffix in (
        (1, "st"),
        (2, "nd"),
        (3, "rd"),
        (4, "th"),
        (5, "th"),
        (6, "th"),
        (7, "th"),
        (8, "th"),
        (9, "th"),
        (10, "th"),
        (11, "th"),
        (12, "th"),
    )
}
_ORD = r"\d{1,2}(?=st\b|nd\b|rd\b|th\b)|" + "|".join(sorted(_ORDINAL_WORDS, key=len, reverse=True))
# a bare ordinal after these reads as a grade ("going into ninth", "she's in 3rd"), unless a word after it says otherwise
_BEFORE = r"into|entering|enter|enters|starting|starts|start|in|going to|goes to|moving to|moving up to|finishing|finished|completing"
_NOT_AFTER = (
    r"(?! (?:time|choice|place|option|one|ones|school|schools|st|street|ave|avenue|pl|ward|language|period|floor|half|day|week|of|on)\b)"
)

LEXICON = Lexicon(
    locale="en",
    names=("english", "ingles", "en ingles", "in english", "english please"),
    markers=("the", "i", "my", "need", "want", "for", "with", "near", "is", "are", "does", "do", "what", "which", "have", "has",
             "about", "school", "schools", "grade", "grades", "son", "daughter", "kid", "child", "looking", "any", "in", "a", "of", "there", "and", "or", "you", "u", "your", "can", "how",
             "where", "close", "to", "get", "go", "got", "going", "he", "she", "his", "her", "we", "our", "at", "an", "it",
             "whats", "what's", "good", "best", "weather", "tomorrow", "today", "does", "did", "will", "would",
              "not", "needs", "this", "that", "just", "still", "yet", "much", "know", "speak", "speaks", "from",
             "year", "years", "old", "class", "classes", "program", "programs",  "family", "home", "prep", "side",
             "by", "kids", "children", "son's", "daughter's", "doesn't", "don't", "can't", "isn't", "won't", "he's", "she's",
             "i'm", "im", "we're", "they", "their",   "him",  "some", "all", "only", "also", "very",
             "but", "if", "who", "when", "should", "could", "looking for", "need help", "thank", "thanks", "into", "starting",
             "moved", "live", "around", "nearby", "other", "information", "please", "twins", "fall", "next year",
             "this year", "wants", "needed", "uses", "walk", "hear", "see", "help with", "thru", "through", "dear", "deal", "dead", "time", "way", "like", "here", "after", "since", "open", "tell",
             "find", "look", "think", "really", "phone", "address", "hours", "lunch", "uniform", "kind", "kinds", "kinda", "info on", "info about", "tell me about", "more about",
             "more info",
             # ruling out, as English says it ("no charter schools please", "anything except district")
             "no", "except", "anything", "nothing", "skip", "avoid", "dont", "without", "excluding", "besides", "instead",
             "prefer", "rather", "regular"),
    fillers=("please", "pls", "plz", "plse", "pleas", "thanks", "thank you", "thank u", "thx",  "tysm", "now",
             "ok thanks", "can you", "could you", "can u", "could u", "would you", "will you", "can i", "could i",
             "i want to", "i'd like to", "i would like to", "thanks for the info", "thank you for the info",
             "thanks for the help", "thank you so much", "thanks so much", "um", "uh", "lol", "cool", "great", "awesome"),
    stop=("stop", "stopall", "unsubscribe", "cancel", "end", "quit", "stop texting me", "opt out", "stop texting", "stop messages",
          "stop messaging me", "no more texts", "no more messages", "stop sending texts", "stop sending messages",
          "stop sending me texts", "stop sending me messages", "remove me", "take me off", "take me off the list",
          "remove me from the list", "remove me from this list", "unsub", "optout", "leave me alone", "don't text me",
          "do not text me", "stop all", "end texts", "cancel texts", "cancel messages", "stop all texts", "stop all messages",
          "no more texts please", "stop the texts", "stop the messages", "cancel subscription", "stop it"),
    start=("start", "unstop", "yes", "subscribe", "restart", "resume", "start again", "start texting me", "start texts",
           "start messages", "resubscribe", "re subscribe", "opt in", "optin", "start texting me again", "text me again",
           "turn texts back on", "turn messages back on", "i want texts again", "start sending texts", "start sending messages",
           "start sending me texts again", "start sending me messages again", "sign me up", "sign me back up",
           "subscribe again", "unblock", "resume texts", "resume messages", "send me texts again", "send texts again",
           "i want to get texts again", "i want to receive texts again", "start back", "back on"),
    help=("help", "info", "how does this work", "how does it work", "how do i use this", "how this works", "what can i text",
          "what can i ask", "what do i text", "what can you do",  "commands", "instructions", "help me",
          "i need help", "how to use", "how to use this", "what is this", "what's this", "whats this", "hlp", "halp",
          "what do i do", "how do i search", "what should i text", "what can i say",  "help pls"),
    more=("more", "next", "more schools", "show more", "see more", "show me more", "more please", "more options",
          "more results", "next page", "next results", "next schools", "other schools", "other options", "any more",
          "any others", "others", "send more", "show more schools", "see more schools", "more choices", "show me others",
          "next ones", "the next ones", "keep going", "continue", "what else", "more of them", "show me other schools",
          "show others", "show the rest", "the rest", "mor", "moar", "nxt", "load more", "give me more", "send me more",
          "any other schools", "are there more", "are there any more", "anymore", "more plz", "more pls", "next pls",
          "next please", "show more please", "can you show more", "can i see more", "more?", "next 3", "next 5",
          "other ones", "different schools", "more schools please", "more list", "see others", "see other schools"),
    greeting=("hi", "hello", "hey", "good morning", "good afternoon", "good evening", "hi there", "hey there", "hello there",
              "hiya", "howdy", "greetings", "morning", "good day", "hii", "hiii", "helo", "hellow", "heyy", "hey hi",
              "hi hello", "hi how are you", "hello how are you", "how are you", "evening", "afternoon", "hey how are you",
              "hello good morning", "hi good morning", "good morning how are you"),
    wider=("wider", "farther", "further", "farther away", "further away", "bigger area", "wider area", "expand", "expand search",
           "search farther", "search wider", "look farther", "more far", "larger area"),
    human=("person", "human", "real person", "someone", "somebody", "agent", "staff", "talk to someone", "call me", "representative",
           "operator", "live person", "a real person", "talk to a person", "speak to a person", "speak to someone",
           "talk to somebody", "human please", "customer service", "live agent", "someone to call me", "give me a call",
           "can someone call", "speak with someone", "talk with someone", "real human", "not a bot", "not a robot",
           "talk to a human", "speak to a human", "representive", "reprasentative", "somone", "sombody"),
    compare=("compare", "vs", "versus", "difference between", "diff between", "whats the difference", "which is better",
             "side by side", "comparison", "compare them", "compared", "comparing", "compair", "compre", "comapre",
             "which one is better", "what s the difference", "differences", "pros and cons"),
    details=("details", "detail", "info on", "more about", "tell me about", "number 1", "number 2", "number 3", "number 4",
             "number 5", "number 6", "number 7", "number 8", "number 9", "number 10", "no 1", "no 2", "no 3", "no 4", "no 5",
             "no 6", "no 7", "no 8", "no 9", "no 10", "info about", "information on", "information about", "more info",
             "more info on", "what about", "how about", "school number", "option 1", "option 2", "option 3", "option 4",
             "option 5", "choice 1", "choice 2", "choice 3", "more information", "info for", "tell me more about"),
    school_words=("school", "schools", "skool", "schl", "scool", "schol", "shool", "sch", "skools", "scools", "schoool", "schhol",
                  "schoools", "scholl", "schooll", "shcool"),
    grades={
        "pre k": (-1, -1), "prek": (-1, -1), "pre kindergarten": (-1, -1), "preschool": (-1, -1), "pk": (-1, -1),
        "pre school": (-1, -1), "prekindergarten": (-1, -1),
        "pre kindergarden": (-1, -1), "prekindergarden": (-1, -1), "pk3": (-1, -1),
        "pk4": (-1, -1), "preschooler": (-1, -1), "pre schooler": (-1, -1), "preeschool": (-1, -1), "prescool": (-1, -1),
        "head start": (-1, -1), "3 year old program": (-1, -1), "4 year old program": (-1, -1),
        "three year old program": (-1, -1), "four year old program": (-1, -1), "nursery school": (-1, -1), "preschol": (-1, -1), "pre-k": (-1, -1),
        "kindergarten": (0, 0), "kinder": (0, 0), "kinder garden": (0, 0), "kindergarden": (0, 0), "k": (0, 0),
        "kindergartner": (0, 0), "kindergartener": (0, 0), "kindergarteners": (0, 0), "kindergartners": (0, 0),
        "kindergaten": (0, 0), "kindegarten": (0, 0), "kindergarter": (0, 0), "kindergartin": (0, 0),
        "kindergardner": (0, 0), "kindergardener": (0, 0), "kdg": (0, 0), "kinders": (0, 0),
        "kindergarted": (0, 0), "kindergartn": (0, 0),
        "elementary": (0, 5), "elementary school": (0, 5), "primary school": (0, 5), "elem": (0, 5), "elementry": (0, 5),
        "elemantary": (0, 5), "elementery": (0, 5), "elementary schools": (0, 5), "grade school": (0, 5),
        "elementary sch": (0, 5), "primary schools": (0, 5),
        "middle school": (6, 8), "middle": (6, 8), "junior high": (6, 8), "middle schools": (6, 8), "middleschool": (6, 8),
        "jr high": (6, 8), "junior high school": (6, 8), "ms": (6, 8), "middle sch": (6, 8),
        "high school": (9, 12), "high schools": (9, 12), "highschool": (9, 12), "hs": (9, 12), "highschools": (9, 12),
        "high sch": (9, 12),
        "freshman": (9, 9), "sophomore": (10, 10), "senior": (12, 12), "freshmen": (9, 9),
        "freshman year": (9, 9), "sophomore year": (10, 10), "junior year": (11, 11), "senior year": (12, 12),
        "is a junior": (11, 11), "be a junior": (11, 11), "rising junior": (11, 11), "junior in high school": (11, 11),
    },
    grade_patterns=(r"\b{n}(?:st|nd|rd|th)? grade(?:rs?|s)?\b", r"\bgrade {n}\b", r"\bgr {n}\b", r"\b{n}(?:st|nd|rd|th) grd?\b",
                    r"\bgrd {n}\b", r"\bgrades {n}\b", r"\bgrds? {n}\b", r"\b{n}(?:st|nd|rd|th)? (?:grd|grde|grader|graders|gr8)\b",
                    r"\bgrades? \w+ (?:through|thru|to|and|or|till|until) {n}(?:st|nd|rd|th)?\b",
                    r"\bgrades? \d{1,2} {n}\b",
                    r"\b{n}(?:st|nd|rd|th)? (?:or|and|to|through|thru|till|until) \w+ (?:grades?|graders?|gr|grd)\b",
                    rf"\b(?:{_BEFORE}) (?:the )?({_ORD})(?:st|nd|rd|th)?\b{_NOT_AFTER}",
                    rf"\b(?:in|into|entering|starting) (?:\w+ )?({_ORD})(?:st|nd|rd|th)? (?:or|and|to|through|thru) \w+\b",
                    rf"\b(?:in|into|entering|starting) (?:\w+ )?\w+ (?:or|and|to|through|thru) ({_ORD})(?:st|nd|rd|th)?\b{_NOT_AFTER}"),
    number_words={**_ORDINAL_WORDS, **_ORDINAL_DIGITS, "one": 1, "two": 2, "three": 3, "four": 4,
                  "five": 5, "six": 6, "seven": 7, "eight": 8, "nine": 9, "ten": 10, "eleven": 11, "twelve": 12},
    needs={
        "sped": ("special class", "special classroom", "special education", "special ed", "sped", "iep", "ieps", "autism", "autistic", "disability", "disabilities",
                 "special needs", "504", "504 plan", "speech therapy", "special education services", "iep services", "learning disability",
                 "learning disabilities", "learning disabled", "disabled", "adhd", "dyslexia", "dyslexic",
                 "speech delay", "speech delays", "speech", "speech pathologist", "speech language pathologist", "slp", "speech and language", "speech services", "developmental delay",
                 "developmental delays", "down syndrome", "cerebral palsy", "occupational therapy",
                 "intellectual disability", "special ed services", "diverse learner", "diverse learners",
                 "special services", "specialized services", "behavior support", "behavioral support", "emotional support",
                 "individualized education", "individual education plan", "individualized education program", "iep plan",
                 "special need", "specialed", "sped services", "speech therapist", "disabilty", "iep meeting", "has an iep", "have an iep", "with an iep", "on an iep"),
        "ell": ("english learner", "english learners", "ell", "esl", "english classes", "learning english", "newcomer",
                "ell program", "ela support", "english language learner", "english language learners",
                "english as a second language", "english as second language", "english support", "english help",
                "help with english", "help learning english", "learn english", "learns english", "learning the language",
                "doesn't speak english", "doesnt speak english", "does not speak english", "don't speak english",
                "dont speak english", "do not speak english", "doesn't know english", "doesnt know english",
                "doesn't know much english", "doesnt know much english", "not much english", "no english",
                "little english", "limited english", "much english yet", "english yet", "not fluent in english",
                "new to english", "new to the country", "just arrived", "newly arrived", "newcomers",
                "newcomer program", "ell services", "esl classes", "esl program", "esl support", "ell support", "ells",
                "english lessons", "english class", "english program", "english language support", "english language program",
                "english language development", "still learning english", "doesn't understand english",
                "doesnt understand english", "does not understand english", "can't speak english", "cant speak english",
                "cannot speak english", "speaks no english", "english second language", "english learning",
                "speak english yet", "speaks english yet", "understand english yet", "know english yet",
                "not speak english", "barely speaks english", "barely speak english", "speaks a little english",
                "english is his second language", "english is her second language", "english isn't his first language",
                "english isn't her first language", "english is not his first language", "english is not her first language",
                "help with his english", "help with her english", "help with the english", "english tutoring"),
        "dual_language": ("dual language", "dual-language", "two way immersion", "immersion", "bilingual", "bilingual program",
                          "bilingual school", "bilingual class", "bilingual classes", "bilingual education", "two way",
                          "two way program", "two way bilingual", "dual lang", "duallanguage", "language immersion", "immersion program", "one way immersion",
                          "biliteracy", "bi lingual", "billingual", "bilingul", "biligual", "bilingal", "bilangual",
                          "bilingual programs", "dual language program", "dual language programs", "taught in two languages",
                          "in two languages", "both languages", "half in english", "half in spanish", "dli",
                          "two language program", "two-way immersion", "twi", "dual languages"),
        "bus": ("bus", "school bus", "busing", "bussing", "transportation", "yellow bus", "ride", "buses", "busses",
                "school buses", "bus service", "bus stop",  "school transportation", "bus transportation",
                "transportation services", "yellow school bus", "bus route", "ride to school", "ride the bus",
                "busing service", "provide transportation", "provides transportation", "transportaton", "transportation",
                "tranportation", "transpotation"),
        "transit": ("train", "subway", "cta", "the el", "el train", "metra", "public transit", "public transportation", "metro",
                    "cta bus", "city bus", "public bus", "blue line", "red line", "green line", "orange line", "pink line",
                    "brown line", "purple line", "yellow line", "ventra", "transit", "l train", "no car", "don't have a car",
                    "dont have a car", "do not have a car",
                    "without a car", "by train", "take the train", "on the train", "public trans", "trains", "the l",
                    "near the train", "bus line", "bus lines", "cta train", "don't have a vehicle",
                    "no vehicle", "no ride", "take public", "cta buses", "city buses", "train station", "train line",
                    "el stop", "l stop", "public transpo", "transit line"),
        "accessible": ("wheelchair", "accessible", "accessibility", "elevator", "ramp", "ramps", "elevators", "wheel chair",
                       "wheelchair accessible", "handicap accessible", "ada accessible", "wheelchairs", "wheelchair user",
                       "uses a wheelchair", "in a wheelchair", "can't climb stairs", "cant climb stairs",
                       "cannot climb stairs", "can't do stairs", "cant do stairs", "can't use stairs", "no stairs",
                       "uses a walker", "crutches", "mobility", "can't walk", "cant walk", "cannot walk",
                       "handicapped accessible", "handicap access", "accessable", "acessible", "wheelchar", "weelchair",
                       "elavator", "elevater", "step free", "stair free", "physically disabled", "mobility issues",
                       "wheelchair access", "wheel chair accessible", "whealchair", "wheelchiar", "ada compliant",
                        "handicapped", "stairs", "climb stairs"),
    },
    programs={
        "autism": ("autism", "autistic", "asd", "on the spectrum", "the spectrum", "autism spectrum", "autism program",
                   "autism classroom", "autism class", "asperger", "aspergers", "asperger's", "autisim", "autisum", "autsim",
                   "autizm", "autism spectrum disorder", "autistc", "austim", "autims", "autism support", "autism programs"),
        "deaf_hard_of_hearing": ("deaf", "hard of hearing", "hearing impaired", "hearing impairment", "hearing loss", "dhh",
                                 "hearing aid", "hearing aids", "cochlear implant", "cochlear implants", "can't hear",
                                 "cant hear", "cannot hear", "doesn't hear well", "doesnt hear well", "hearing problems",
                                 "hearing problem", "sign language", "asl", "deaf program", "hearing disability",
                                 "partially deaf", "hearing issues", "hearing difficulties", "deafness", "hard hearing", "hear well"),
        "visual_impairment": ("blind", "visually impaired", "visual impairment", "vision impairment", "vision impaired",
                              "low vision", "legally blind", "partially blind", "partially sighted", "braille", "can't see",
                              "cant see", "cannot see", "doesn't see well", "doesnt see well", "poor vision", "vision loss",
                              "vision problems", "vision problem", "visual disability", "sight impaired", "blindness",
                              "vision program", "low-vision", "see well",
                              "vision issues", "eyesight", "poor eyesight", "visual impairments"),
        "self_contained": ("self contained", "selfcontained", "self contain", "self contained class",
                           "self contained classroom", "separate class", "separate classroom", "small separate class",
                           "special day class", "cluster program", "cluster class",
                           "separate special ed class", "contained classroom",
                           "self-contained", "sped classroom", "special ed classroom", "special education classroom",
                           "special ed class", "separate setting", "separate program", "self contained program"),
        "inclusion": ("inclusion", "inclusive", "inclusion program", "inclusive classroom", "inclusive class", "inclusion class",
                      "general ed classroom", "gen ed classroom", "general education classroom", "mainstream", "mainstreamed",
                      "mainstreaming", "co teaching", "co taught", "coteaching", "cotaught", "integrated classroom",
                      "integrated class", "inclusive education", "least restrictive environment", "lre", "inclussion",
                      "incluson", "inclution", "inclusive setting", "general ed with support", "gen ed with support",
                      "regular class with support", "regular classroom with support", "with typical kids", "with other kids",
                      "included in general ed", "general education with support", "co-teach", "coteach", "co teach"),
        "resource": ("resource room", "resource class", "resource program", "resource support", "pull out services",
                     "pullout services", "pull out program", "pullout program", "resource teacher", "resource help", "resource rm", "resource services", "resource classroom",
                     "resources room", "pull out support", "pullout support", "pull out for", "pulled out for"),
        "significant_support": ("significant support", "significant supports", "significant needs", "severe disability",
                                "severe disabilities", "severely disabled", "intensive support", "intensive supports",
                                "intensive program", "intensive needs", "high needs", "high support", "high support needs",
                                "full time support", "full day support", "one on one aide", "1 on 1 aide", "multiple disabilities",
                                "medically fragile", "life skills", "functional skills", "moderate to severe",
                                "significant disability", "significant disabilities", "needs help all day", "support all day",
                                "all day support", "help all day", "severe autism", "severe needs", "intensive services",
                                "intensive special ed", "intensive class", "intensive classroom", "lots of support all day",
                                "support throughout the day", "full time aide", "needs an aide", "personal aide",
                                "1 to 1 aide", "one to one aide"),
        "early_childhood": ("early childhood special education", "early childhood special ed", "early childhood sped",
                            "ecse", "early intervention", "preschool special education", "preschool special ed",
                            "special ed preschool", "special education preschool", "sped preschool", "preschool iep",
                            "pre k special ed", "prek special ed", "pre k special education", "preschool with iep",
                            "preschool with an iep", "early childhood iep", "developmental preschool",
                            "special ed pre k", "special education pre k", "special needs preschool", "iep preschool",
                            "pre k with iep", "pre k with an iep", "prek with iep", "early childhood special needs",
                            "preschool special needs", "pre school special ed", "ec special ed"),
    },
    sectors={"charter": ("charter", "charters", "charter school", "charter schools", "chartr", "chater",
                         "charer", "charteer", "charter's"),
             "district": ("district", "public", "neighborhood", "cps", "district school", "district schools", "public school",
                          "public schools", "neighborhood school", "neighborhood schools", "regular public", "regular school",
                          "normal public", "traditional public", "chicago public schools", "cps school", "cps schools",
                          "distrct", "disctrict", "publc", "neighbourhood", "neighborhod", "districts", "non charter",
                          "noncharter", "regular schools", "public only", "just public")},
    only=("nothing but", "nothing except", "nothing other than", "none but"),
    negations=("not", "no", "except", "anything but", "skip", "don't want", "dont want", "do not want", "doesn't want",
               "without", "avoid", "excluding", "exclude", "other than", "rather than", "instead of", "but not", "never",
               "not interested in", "none", "leave out", "but no", "don't like", "dont like", "don't send", "dont send",
               "not any", "aside from", "apart from", "besides", "not including", "not looking for", "don't show",
               "dont show", "do not show", "no more", "hate", "nope", "nah", "no thanks",
               "stay away from", "keep away from", "minus", "remove", "take out", "cross out",
               "not a fan of", "i'm not into", "im not into", "don't trust", "dont trust",
               # "a school that isn't charter": "is not" run together, with or without its apostrophe
               "isn't", "isnt", "aren't", "arent", "ain't", "aint"),
    without=("no", "without", "w/o", "wo"),  # "no bus", "without transportation"
    not_needed=("don't need", "dont need", "do not need", "doesn't need", "doesnt need", "does not need", "no need",
                "not needed", "no longer needs", "no longer need", "not need", "won't need", "wont need", "will not need",
                "don't require", "doesn't require", "not necessary", "isn't necessary", "unnecessary", "not required",
                "doesn't matter", "doesnt matter", "not important", "no need for", "fine without", "not anymore",
                "don't use", "dont use", "won't use", "wont use", "not interested in", "skip", "no longer",
                "don't care about", "dont care about", "not looking for", "doesn't qualify", "not eligible",
                "do not require", "not a need", "not an issue", "isn't an issue", "not needing", "no needs",
                "dosent need", "dosnt need", "doesent need", "dont neeed", "don't really need", "dont really need",
                "don't need no"),
    languages={"spanish": "es", "chinese": "zh", "mandarin": "zh", "cantonese": "zh", "french": "fr", "arabic": "ar",
               "polish": "pl", "vietnamese": "vi", "korean": "ko", "russian": "ru", "urdu": "ur", "bengali": "bn",
               "haitian creole": "ht", "creole": "ht", "somali": "so", "tagalog": "tl", "japanese": "ja", "italian": "it",
               "filipino": "tl", "bangla": "bn", "haitian": "ht", "kreyol": "ht", "german": "de", "hindi": "hi",
               "portuguese": "pt", "greek": "el", "hebrew": "he", "ukrainian": "uk", "swahili": "sw", "gujarati": "gu",
               "punjabi": "pa", "nepali": "ne", "persian": "fa", "farsi": "fa", "pashto": "ps", "amharic": "am",
               "yoruba": "yo", "romanian": "ro", "serbian": "sr", "bosnian": "bs", "lithuanian": "lt", "thai": "th",
               "burmese": "my", "turkish": "tr", "spansih": "es", "spanis": "es", "mandarin chinese": "zh",
               "simplified chinese": "zh", "traditional chinese": "zh", "chinees": "zh", "arabik": "ar", "vietnamise": "vi"},
    ages=("years old", "year old", "yrs old", "yr old", "yo", "years", "yrs", "miles", "mi", "mins", "minutes", "min", "blocks", "km"),  # after a number: an age, a distance or a time, not a result number
    topics={"apply": ("how to apply", "apply", "application", "enroll", "enrollment", "register", "deadline", "applying",
                      "applications", "deadlines", "registration", "enrolling", "how do i apply", "how can i apply",
                      "when to apply", "apply to", "apply for", "due date", "lottery", "gocps", "go cps", "admission",
                      "admissions", "aply", "enrol", "regester", "registar", "sign up for", "enrolment", "aplication",
                      "applcation", "deadine", "dead line", "last day to apply", "when is the deadline")},
    cannot=("can't", "cant", "cannot", "can not", "doesn't know how", "doesnt know how", "dont know how", "unable", "too young"),
)  # fmt: skip

# Shorthand of talk ("what can i text", "rep")
LEXICON = replace(
    LEXICON,
    help=LEXICON.help + ("what can i text", "what do i text", "what can i ask", "what do i type", "how do i use this", "how to use"),
    human=LEXICON.human + ("rep", "a rep", "customer service", "live person", "real human"),
)

LEXICON = replace(
    LEXICON,
    shorthand={
        "sch": "school",
        "schl": "school",
        "skool": "school",
        "skul": "school",
        "scl": "school",
        "schs": "schools",
        "skools": "schools",
        "schls": "schools",
        "spec": "special",
        "spcl": "special",
        "spl": "special",
        "edu": "education",
        "educ": "education",
        "kndr": "kindergarten",
        "kg": "kindergarten",
        "kdg": "kindergarten",
        "elem": "elementary",
        "mid": "middle",
        "hi": "hi",
        "eng": "english",
        "engl": "english",
        "englsh": "english",
        "transp": "transportation",
        "transpo": "transportation",
        "w": "with",
        "wit": "with",
        "4": "4",
        "n": "and",
        "nd": "and",
        "u": "you",
        "ur": "your",
        "r": "are",
        "plz": "please",
        "pls": "please",
        "thx": "thanks",
        "bc": "because",
        "cuz": "because",
        "b4": "before",
        "yr": "year",
        "dist": "district",
        "chrtr": "charter",
        "pub": "public",
        "nxt": "next",
        "pg": "page",
        "pgs": "pages",
    },
)

# Talk as families type it ("what is this", "el 2", "basta ya")
LEXICON = replace(
    LEXICON,
    help=LEXICON.help + ("what is this", "whats this", "wat is this", "what's this", "i dont understand", "idk how this works", "confused"),
    stop=LEXICON.stop + ("unsubscribe me", "unsub me", "remove me", "take me off", "take me off the list", "no more texts pls"),
)

# "We have no car": public transit, unless the school bus is asked for as well (`Lexicon.no_car`)
_NO_CAR = (
    "no car",
    "don't have a car",
    "dont have a car",
    "do not have a car",
    "without a car",
    "we have no car",
    "no vehicle",
    "don't drive",
    "dont drive",
    "can't drive",
    "cant drive",
    "i don't drive",
    "no ride",
)
LEXICON = LEXICON.with_no_car(_NO_CAR)

# A child who speaks only another language, said in a sentence ("she only speaks Spanish"): English-learner help
LEXICON = replace(
    LEXICON,
    needs={
        **LEXICON.needs,
        "ell": LEXICON.needs["ell"]
        + ("only speaks", "only speak", "speaks only", "just speaks", "only talks", "doesn't know english", "doesnt know english",
           "does not know english", "no english", "little english", "not much english", "barely speaks english"),
    },
)  # fmt: skip

# A school's grade range ("K-8 school", "PK-8"): the whole range, "k" inside it no kindergarten of its own; Head Start is pre-K
LEXICON = replace(
    LEXICON,
    grades={
        **LEXICON.grades,
        **{f"{low}{sep}{high}": (start, int(high)) for low, start in (("k", 0), ("pk", -1), ("prek", -1), ("pre k", -1))
           for high in ("5", "6", "8", "12") for sep in (" ", "", " thru ", " through ", " to ")},
        "head start": (-1, -1), "headstart": (-1, -1),
    },
)  # fmt: skip

# Two ordinals with a dash or slash between ("6th–8th grade", "9th/10th grade"), and "gr3" ("gr8" is great)
LEXICON = replace(
    LEXICON,
    grade_patterns=LEXICON.grade_patterns
    + (r"\b{n}(?:st|nd|rd|th) \d{1,2}(?:st|nd|rd|th) (?:grades?|graders?|gr|grd)\b", r"\bgr([1-79]|1[0-2])\b"),
)

# Program words as families text them ("gen ed class with support", "1:1 aide")
LEXICON = replace(
    LEXICON,
    programs={
        **LEXICON.programs,
        "inclusion": LEXICON.programs["inclusion"] + ("gen ed", "general ed", "gen ed class", "general education class",
                                                      "general education classroom", "regular class with support", "co teaching",
                                                      "co taught", "cotaught"),
        "significant_support": LEXICON.programs["significant_support"] + ("1 1 aide", "1:1 aide", "one on one aide", "1 on 1 aide",
                                                                          "one to one aide", "1 to 1 aide", "personal aide"),
    },
)  # fmt: skip

# "X over Y" rules Y out ("prefer district over charter"); not wanting a need is not needing it
LEXICON = replace(
    LEXICON,
    negations=LEXICON.negations + ("over",),
    not_needed=LEXICON.not_needed + ("don't want", "dont want", "do not want", "doesn't want", "doesnt want", "won't need",
                                     "wont need", "not necessary"),
)  # fmt: skip

# a bus that may be the city's: beside a train or the metro, public transit
LEXICON = replace(LEXICON, city_bus=("bus", "buses", "busses"))
LEXICON = replace(
    LEXICON,
    classroom=("class", "classes", "classroom", "classrooms", "room"),
    apart=("separate", "separated", "apart"),
    small=("small", "smaller"),
)

# Greetings clipped or written by ear ("good eve", "gud morning", "gd evening")
LEXICON = replace(
    LEXICON,
    greeting=LEXICON.greeting
    + tuple(f"{good} {when}" for good in ("good", "gud", "gd", "gud") for when in ("eve", "evening", "morning", "am", "pm", "afternoon",
                                                                            "aftie", "nite", "night", "day"))
    + ("gm", "morning", "evening"),
)  # fmt: skip

# A school and its kind written short or by ear, as any family borrows them ("high skl", "midl skul", "hi scool", "hai
# skul"): "school" in its SMS spellings, "middle" clipped, "high" as it sounds (as Urdu and Bengali write it, in theirs)
LEXICON = replace(
    LEXICON,
    shorthand={**LEXICON.shorthand, "skl": "school", "skol": "school", "scool": "school", "schol": "school", "iskool": "school",
               "iskul": "school", "skools": "schools", "skls": "schools", "midl": "middle", "midel": "middle", "midle": "middle",
               "elmntry": "elementary", "elemntry": "elementary", "prmry": "primary"},
    grades={**LEXICON.grades, "hi school": (9, 12)},
)  # fmt: skip

# "What's" and "address" as texted ("wats the addr 4 …")
LEXICON = replace(LEXICON, shorthand={**LEXICON.shorthand, "wats": "whats", "wat": "what", "addr": "address", "adrs": "address"})

# English asked for in Korean, with the particle "in" ("영어로 문자 ㄱㄴ?", "영어로 보내주세요"): a switch to English
LEXICON = replace(LEXICON, names=LEXICON.names + ("영어로", "영어로 해주세요", "영어로 보내주세요", "영어로 문자", "영어로요"))

# A grade written as an ordinal alone ("9th 60637", "K or 1st", "12th near 60615"): that grade, but not a date ("the 9th",
# "March 3rd", "on the 1st") nor an ordinal of something else ("1st choice", "2nd floor": `_NOT_AFTER`)
_MONTHS = ("jan", "january", "feb", "february", "mar", "march", "apr", "april", "may", "jun", "june", "jul", "july", "aug", "august",
           "sep", "sept", "september", "oct", "october", "nov", "november", "dec", "december")  # fmt: skip
_NOT_A_DATE = "".join(f"(?<!{before} )" for before in ("the", "on", "of", "by", "before", "after", "until", "till", *_MONTHS))
LEXICON = replace(
    LEXICON,
    grade_patterns=LEXICON.grade_patterns
    + (rf"{_NOT_A_DATE}\b(1(?=st)|2(?=nd)|3(?=rd)|[4-9](?=th)|1[0-2](?=th))(?:st|nd|rd|th)\b{_NOT_AFTER}(?! of\b)",),
)

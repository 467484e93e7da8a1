"""Haitian Creole (with and without the accents on è/ò, as families text)."""

from dataclasses import replace

from sms.lexicons import Lexicon

LEXICON = Lexicon(
    locale="ht",
    names=("kreyol", "kreyol ayisyen", "kreyol ayiti", "an kreyol", "ayisyen", "haitian creole", "pale kreyol", "ann pale kreyol",
           "ekri m an kreyol", "kreyol tanpri"),
    markers=("mwen", "m", "bay", "ban m", "pitit", "pitit mwen", "tifi", "tigason", "timoun", "pou", "nan", "ki", "gen", "genyen", "yon",
             "li", "ou", "nou", "yo", "bezwen", "vle", "chèche", "ap", "k ap", "eske", "èske", "kote", "toupre",
             "lekòl", "lekol", "lekòl la", "bon", "ak", "avèk", "epi", "tou", "mèsi", "mesi", "anpil", "sa", "kisa", "kilè",
             "ki lè", "ye", "se", "pa", "la", "detay", "nimewo", "enfo", "konpare", "diferans", "ant", "sou", "m ap", "konnen", "kounye a", "fi", "gason", "antre", "ane", "klas", "pwogram",
             "pale", "aprann", "angle", "tanpri", "souple", "tanpri souple", "ban m", "ban mwen", "fe", "fè", "kijan", "konbyen",
             "ansanm", "lakay", "sèlman", "deja", "paske", "poukisa", "te", "pral", "prale", "dwe", "kapab", "kab", "jwenn",
             "bò", "bò kote", "pa lwen", "lwen", "manman", "pitit fi", "pitit gason", "sè", "frè", "konn", "poko",
             "pankò", "toujou", "kouman", "koman", "kòman", "montre m", "di m", "ede", "ede l", "kapab",
             "chak", "jou", "jounen", "piti", "ekri", "rele", "vini", "rive", "fèk", "fek", "isit", "isit la",
             "konsa", "nenpòt", "okenn", "sòf", "eksepte", "menm", "anko", "ankò", "kounya", "pitit mwen an",
             "ki kote", "yo di", "mwen ta renmen", "ta renmen", "renmen", "tande", "lekòl sa", "chanje", "chanje lekòl",
             "pwogram nan", "anseye", "vizite"),
    fillers=("tanpri", "tnp", "tnpri", "souple", "tanpri souple", "silvouple", "silvouplè", "souple wi", "tanpri wi", "mesi", "mèsi", "mèsi anpil",
             "dakò", "oke", "pls", "plz", "m vle", "mwen vle", "mwen ta vle", "m ta vle", "montre m", "montre mwen",
             "ban m", "ban mwen", "voye ban m", "voye", "voye ban mwen", "tanpri voye", "m ta renmen", "mwen ta renmen"),
    stop=("kanpe", "anile", "sispann", "rete", "fini", "kanpe la", "sispann voye mesaj", "pa voye mesaj anko", "stop", "sispann voye",
          "pa voye anko", "pa ekri m anko", "pa voye m anyen anko", "dezabone", "dezabòne", "retire m", "retire non m", "kanpe mesaj yo",
          "sispann mesaj yo", "m pa vle mesaj anko", "pa voye m mesaj anko"),
    start=("komanse", "kòmanse", "rekòmanse", "rekomanse", "demare", "kontinye", "wi", "abòne", "abone", "reabòne", "reabone",
           "wi m vle", "voye mesaj ankò", "kòmanse ankò", "komanse anko", "rekòmanse ankò", "demare ankò", "demare anko",
           "voye ankò", "voye anko"),
    help=("ed", "èd", "ede m", "ede mwen", "sekou", "ed m", "m bezwen ed", "mwen bezwen ed", "bezwen ed", "m bezwen èd",
          "kijan sa mache", "kouman sa mache", "koman sa mache", "meni", "opsyon", "kisa m ka fè", "kisa m ka ekri"),
    more=("plis", "pi plis", "lot", "lòt", "lòt yo", "lòt lekòl", "swivan", "pwochen", "lot lekol yo", "plis lekòl", "lot yo",
          "lòt lekòl yo", "we lot yo", "wè lòt yo", "wè plis", "plis ankò", "lòt ankò", "ankò", "lot anko", "plis lekol anko",
          "lòt ankò tanpri", "lot lekol anko", "kontinye lis la", "rès la", "res la", "rès yo", "res yo", "lòt ki genyen yo",
          "lot ki gen yo", "plis chwa", "lot chwa", "lòt chwa", "plis rezilta"),
    greeting=("bonjou", "bonswa", "sak pase", "sak pase la", "alo", "allo", "bonjou wi", "sa k ap fèt", "sak ap fet", "kouman ou ye",
              "koman ou ye", "sa k pase", "bonswa wi", "kijan ou ye", "kòman ou ye", "bonjou tout moun", "bonjou madanm", "bonjou msye",
              "bonjou mesye", "onè", "respè", "onè respè", "bjou", "bswa", "sak ap fèt", "bonjou zanmi", "bonswa zanmi"),
    wider=("pi lwen", "pi laj", "pi lajman", "chèche pi lwen", "pi gwo zòn", "plis zòn", "lòt zòn", "elaji"),
    human=("pale ak yon moun", "pale ak moun", "pale avek yon moun", "pale ak yon vre moun", "yon vre moun", "moun reyèl",
           "rele m", "rele mwen", "yon ajan", "yon konseye", "pale ak yon ajan", "yon moun ki ka ede m", "pale ak yon", "pale avek yon",
           "pale avek moun", "vle pale ak", "vle pale avek", "bezwen pale ak", "bezwen pale avek", "yon moun reyèl", "moun tout bon",
           "yon operatè", "yon reprezantan", "telefone m", "telefone mwen", "kontakte m", "yon moun rele m", "rele m souple",
           "pale ak konseye", "pale ak ajan"),
    compare=("konpare", "konparezon", "diferans ant", "ki diferans", "kiyès ki pi bon", "kilès ki pi bon", "ki pi bon", "konpare yo",
             "kilès ki miyò", "kiyes ki miyo", "ki sa ki diferan", "vs"),
    details=("detay", "enfo", "enfòmasyon", "plis sou", "nimewo", "nimero", "no", "plis enfo", "pale m de", "pale m sou", "di m plis",
             "di m plis sou", "plis detay", "enfomasyon sou", "sa k genyen nan"),
    school_words=("lekòl", "lekol", "lekòl yo", "lekol yo", "lekòl la", "lekol la", "lekòl sa", "lekòl sa yo", "ekol", "lekòl ki",
                  "lekòl leta", "yon lekòl", "lkl"),
    grades={
        "pre k": (-1, -1), "prek": (-1, -1), "prèk": (-1, -1), "preskolè": (-1, -1), "preskole": (-1, -1), "pre kindè": (-1, -1),
        "pre kinde": (-1, -1), "prekindè": (-1, -1), "pre kindergarten": (-1, -1), "matènèl": (-1, -1), "lekòl matènèl": (-1, -1),
        "matenel": (-1, -1), "matennel": (-1, -1), "lekòl preskolè": (-1, -1), "klas preskolè": (-1, -1), "preskolè a": (-1, -1),
        "jadendanfan": (0, 0), "jaden danfan": (0, 0), "jaden d anfan": (0, 0), "jaden zanfan": (0, 0), "kindergarten": (0, 0),
        "kindègadenn": (0, 0), "kindegaden": (0, 0), "kindegadenn": (0, 0), "kindègadèn": (0, 0), "kindergaden": (0, 0),
        "kinde": (0, 0), "kindè": (0, 0), "kindèganen": (0, 0), "kendègadenn": (0, 0), "kendè": (0, 0),
        "lekòl primè": (0, 5), "lekol prime": (0, 5), "primè": (0, 5), "elementary": (0, 5), "lekòl elemantè": (0, 5), "elemantè": (0, 5),
        "elemante": (0, 5), "elemantè a": (0, 5), "lekòl fondamantal": (0, 5), "premye sik": (0, 5), "klas primè": (0, 5),
        "middle school": (6, 8), "lekòl mwayen": (6, 8), "mwayen lekòl": (6, 8), "lekòl presegondè": (6, 8), "presegondè": (6, 8),
        "junior high": (6, 8), "lekòl entèmedyè": (6, 8), "entèmedyè": (6, 8),
        "high school": (9, 12), "lekòl segondè": (9, 12), "segondè": (9, 12), "lise": (9, 12), "lekòl lise": (9, 12),
        "lekòl segonde": (9, 12), "segonde": (9, 12), "lise a": (9, 12), "haiskul": (9, 12), "hayskoul": (9, 12),
    },
    grade_patterns=(r"\b{n} ?(?:e|em|yem|iem|ye|eme)? ane\b", r"\b{n} ?(?:e|em|yem|iem|ye|eme) klas\b", r"\bklas {n}\b", r"\bane {n}\b",
                    r"\b{n} ?(?:e|em|yem|iem|eme)? grad\b", r"\bgrad {n}\b", r"\b(\d{1,2})(?:yem|iem|em|eme|ye)\b",
                    r"\b{n} ?(?:e|em|yem|iem|ye|eme)? (?:ak|a|e|rive|jis|jiska|oswa|ou) (?:nan |a )?\S+ (?:ane|klas|grad)\b"),
    number_words={"premye": 1, "dezyèm": 2, "dezyem": 2, "twazyèm": 3, "twazyem": 3, "katriyèm": 4, "katriyem": 4,
                  "katriem": 4, "katryem": 4, "senkyèm": 5, "senkyem": 5, "sizyèm": 6, "sizyem": 6, "setyèm": 7, "setyem": 7,
                  "uityèm": 8, "uityem": 8, "witiyem": 8, "wityem": 8, "nevyèm": 9, "nevyem": 9, "dizyèm": 10, "dizyem": 10,
                  "onzyèm": 11, "onzyem": 11, "douzyèm": 12, "douzyem": 12,
                  "twa": 3, "kat": 4, "senk": 5, "sis": 6, "sèt": 7, "uit": 8, "wit": 8, "nèf": 9, "dis": 10, "onz": 11, "douz": 12},
    needs={
        "sped": ("edikasyon espesyal", "edikasyon special", "edikasyon spesyal", "ed espesyal", "bezwen espesyal", "bezwen espesyo",
                 "bezwen special", "bezwen spesyal", "andikap", "andikape", "iep", "pei", "sped", "pwoblèm aprantisaj",
                 "pwoblem aprantisaj", "difikilte aprantisaj", "difikilte pou aprann", "terapi pawòl", "terapi lapawòl", "ortofoni",
                 "dislekzi", "disleksi", "klas espesyal", "pwogram espesyal", "lekòl espesyal", "special program", "special needs",
                 "special ed", "special education", "timoun espesyal", "reta devlopman", "reta nan devlopman", "tdah", "adhd",
                 "pwoblèm konpòtman", "sèvis espesyal", "sipò espesyal", "plan iep", "pwoblèm pou aprann", "pwoblem pou aprann",
                 "difikilte pou li", "gen difikilte pou aprann", "pwoblèm lekti", "reta mantal", "andikap mantal", "defisyans", "trisomi", "trizomi", "sendwòm down", "sendwom daoun", "sindwom down", "down syndrome", "pwoblèm pou pale",
                 "pwoblèm pou l pale", "pwoblèm lapawòl", "pwoblèm pawòl", "reta lapawòl", "bege"),
        "ell": ("aprann angle", "klas angle", "klas pou aprann angle", "esl", "ell", "moun ki fèk rive", "fèk rive", "nouvo arive",
                "fèk vini", "fek rive", "fek vini", "fenk rive", "fenk vini", "pa pale angle", "pa konn pale angle", "poko pale angle",
                "poko konn pale angle", "pa konn angle", "poko konn angle", "pa konprann angle", "poko konprann angle", "pa konn li angle",
                "poko konn li angle", "pa pale angle ditou", "pa pale anpil angle", "pa pale angle byen", "ed nan angle", "èd an angle",
                "ed nan lang", "èd nan lang nan", "sipò an angle", "sipo nan angle", "angle kòm dezyèm lang", "angle kom dezyem lang",
                "k ap aprann angle", "ap aprann angle", "ede l aprann angle", "li pa pale angle", "angle pa bon", "angle li fèb",
                "nouvo imigran", "pa fò nan angle", "pa fo an angle", "fèb nan angle", "fèb an angle", "angle l pa bon",
                "angle li pa bon", "poko fò nan angle", "elev nouvo arive"),
        "dual_language": ("dual language", "de lang", "doub lang", "pwogram de lang", "imèsyon", "imesyon", "immersion", "bileng",
                          "pwogram bileng", "lekòl bileng", "klas bileng", "edikasyon bileng", "2 lang", "ak an angle",
                          "an angle ak an", "klas an franse", "klas an panyòl", "klas an espanyòl", "klas an kreyòl", "klas an chinwa",
                          "bilengwal", "pwogram an de lang", "nan de lang"),
        "bus": ("bis", "bis lekòl", "otobis", "otobis lekòl", "bus", "school bus", "transpò lekòl", "transpo lekol", "bis jòn",
                "bis jon", "bis pou lekòl", "transpò pou lekòl", "transpò lekòl la", "machin lekòl", "bis la", "bis lekol la",
                "transpò bis", "bay transpò", "ofri transpò", "transpò gratis", "bis gratis", "bis ki vin chèche", "bis vin pran"),
        "transit": ("tren", "tren an", "metro", "métro", "subway", "transpò piblik", "transpo piblik", "cta", "bis cta", "otobis cta",
                    "transpò an komen", "transpò komen", "bis piblik", "tren cta", "tren el", "pran tren", "liy ble", "liy wouj", "liy vèt", "liy woz", "liy oranj", "liy mawon", "liy blue", "liy red", "tren ble", "tren wouj"),
        "accessible": ("chèz woulant", "chez woulan", "chèz a woulèt", "aksesib", "aksesiblite", "asansè", "asanse", "ranp",
                       "wheelchair", "elevator", "chèz woulèt", "chèz ak woulèt", "chèz roulant", "chèz woulan", "chèz a woulan",
                       "ranp pou chèz", "pa ka monte eskalye", "pa ka moute eskalye", "pa kapab monte eskalye", "eskalye", "mach eskalye",
                       "pa ka mache", "beki", "aksè pou andikape", "aksè andikape", "aksesib pou chèz"),
    },
    programs={
        "autism": ("otis", "otism", "otistik", "otis la", "otism nan", "timoun otis", "timoun otistik", "autism", "otizm",
                   "otisme", "spèk otis", "espèk otis", "spectre autistique", "pwogram otis"),
        "deaf_hard_of_hearing": ("soud", "pa tande", "pa tande byen", "tande mal", "pwoblèm tande", "pwoblem pou tande", "malantandan",
                                 "malanntandan", "lang siy", "lang de siy", "langaj siy", "aparèy pou tande", "aparèy tande",
                                 "pa ka tande", "soud nèt", "mwatye soud", "soud bèbè", "tande difisil", "pèt tande"),
        "visual_impairment": ("avèg", "avèy", "pa wè byen", "pa ka wè", "pa wè anyen", "li pa wè", "malvwayan", "malvoyan",
                              "wè mal", "pwoblèm je", "pwoblem vizyon", "pwoblèm vizyon", "vizyon fèb", "vizyon li fèb", "je l fèb",
                              "je li fèb", "bray", "braille", "prèske avèg", "pa we klè", "pwoblèm pou wè"),
        "self_contained": ("klas separe", "klas espesyal separe", "klas apa", "self contained", "selfcontained", "klas fèmen",
                           "klas espesyal tout jounen", "tout jounen nan klas espesyal", "klas separe tout jounen", "klas pou kont li",
                           "klas piti separe", "klas espesyal apa"),
        "inclusion": ("enklizyon", "klas enklizyon", "inclusion", "enklisyon", "klas entegre", "entegrasyon", "klas enklisif",
                      "enklizif", "ansanm ak lòt timoun", "ansanm ak lòt timoun yo", "ak lòt timoun yo men ak èd", "klas regilye ak èd",
                      "klas nòmal ak èd", "klas regilye ak sipò", "klas nòmal ak sipò", "koansèyman", "ko ansèyman"),
        "resource": ("sal resous", "klas resous", "resource room", "resource", "sal sipò", "kèk èdtan pa semèn", "pwofesè resous",
                     "sal resous la", "kèk lè pa jou", "kèk èdtan nan sal", "sipò pati tan"),
        "significant_support": ("andikap grav", "andikape grav", "andikap sevè", "andikap lou", "anpil sipò", "anpil sipo", "sipò entansif",
                                "sipo entansif", "bezwen anpil sipò", "bezwen anpil èd", "anpil èd chak jou", "sipò chak jou",
                                "polyandikap", "poliandikap", "andikap miltip", "plizyè andikap", "andikap grav anpil", "sipò total"),
        "early_childhood": ("preskolè edikasyon espesyal", "edikasyon espesyal preskolè", "preskolè espesyal", "pre k espesyal",
                            "edikasyon espesyal pou timoun piti", "timoun piti edikasyon espesyal", "entèvansyon bonè", "entevansyon bone",
                            "edikasyon espesyal pou pre k", "pre k edikasyon espesyal", "matènèl espesyal", "pwogram preskolè edikasyon espesyal", "edikasyon espesyal anvan kindè",
                            "edikasyon espesyal matènèl", "preskolè pou timoun ki gen bezwen espesyal"),
    },
    sectors={"charter": ("charter", "chatè", "lekòl charter", "chate", "chartè", "lekol chate", "lekòl chatè", "charters"),
             "district": ("piblik", "lekòl piblik", "leta", "lekòl leta", "distri", "cps", "lekòl distri", "lekòl katye", "katye a")},
    # "pa" (not) beside a sector: "yon lekòl ki pa chater"
    negations=("pa", "pa vle", "m pa vle", "mwen pa vle", "nou pa vle", "pa renmen", "pa enterese", "pa yon", "pa okenn", "okenn",
               "eksepte", "esepte", "eksepe", "sòf", "sof", "evite", "anyen ki", "tout sof", "nenpòt sof", "pito pa",
               "pa ta renmen", "se pa", "pa vle l", "pa enterese nan", "pa charter", "pa gen charter", "pa lekòl charter",
               "okenn charter", "san charter", "pa chatè", "pa gen chatè", "pa lekòl chatè", "okenn chatè", "san chatè",
               "pa cps", "pa gen cps", "pa lekòl cps", "okenn cps", "san cps", "pa leta", "pa gen leta", "pa lekòl leta",
               "okenn leta", "san leta", "pa piblik", "pa gen piblik", "pa lekòl piblik", "okenn piblik", "san piblik",
               "pa gen lekòl leta", "pa vle lekòl leta", "okenn lekòl leta", "san lekòl leta", "pa gen lekòl piblik",
               "pa vle lekòl piblik", "okenn lekòl piblik", "san lekòl piblik", "pa gen lekòl charter",
               "pa vle lekòl charter", "okenn lekòl charter", "san lekòl charter", "pa distri", "pa gen distri",
               "pa lekòl distri", "okenn distri", "san distri"),
    without=("san", "okenn"),  # "san bis", "okenn transpò"
    not_needed=("pa bezwen", "m pa bezwen", "mwen pa bezwen", "nou pa bezwen", "li pa bezwen", "pa gen bezwen", "pa nesesè",
                "pa nesese", "pa vle", "pa enpòtan", "pa enterese", "nou pa vle", "pa bezwen l", "pa merite",
                "nou gen machin", "m ap mennen l", "m ap depoze"),
    languages={"panyòl": "es", "espanyòl": "es", "kreyòl": "ht", "kreyòl ayisyen": "ht", "fransè": "fr", "franse": "fr",
               "chinwa": "zh", "mandaren": "zh", "kantonè": "zh", "arab": "ar", "arabik": "ar", "vyetnamyen": "vi", "koreyen": "ko",
               "ris": "ru", "pòtigè": "pt", "pòtigè a": "pt", "somali": "so", "polonè": "pl", "polone": "pl", "polonez": "pl",
               "italyen": "it", "japonè": "ja", "ourdou": "ur", "bengali": "bn", "tagalòg": "tl", "panyol": "es", "espayol": "es",
               "spanish": "es", "french": "fr", "creole": "ht", "haitian creole": "ht", "ayisyen": "ht"},
    ages=("an", "lane"),  # after a number: a child's age, not a result number
    topics={"apply": ("kijan pou m aplike", "aplike", "aplikasyon", "enskri", "enskripsyon", "anrejistre", "dat limit", "enskri l",
                      "enskri li", "enskri pitit mwen", "kijan pou m enskri", "kouman pou m enskri", "fè aplikasyon", "fè enskripsyon",
                      "dat limit la", "denye dat", "fòm enskripsyon", "admisyon", "apply", "aplikasyon an")},
    cannot=("pa ka", "pa konn", "paka", "pa kapab"),
)  # fmt: skip

LEXICON = replace(
    LEXICON,
    shorthand={
        "lekl": "lekol",
        "lekòl": "lekol",
        "lekol yo": "lekol yo",
        "pitit": "pitit",
        "edikasyon": "edikasyon",
        "espesyal": "espesyal",
        "spesyal": "espesyal",
        "angle": "angle",
        "anglè": "angle",
        "tanpri": "tanpri",
        "tnp": "tanpri",
        "svp": "souple",
        "mw": "mwen",
        "mwn": "mwen",
        "nn": "nan",
        "pou": "pou",
        "pr": "pou",
        "bis": "bis",
        "kl": "klas",
    },
)

# Talk as families type it ("what is this", "el 2", "basta ya")
LEXICON = replace(
    LEXICON,
    help=LEXICON.help + ("kisa sa ye", "kisa sa a ye", "sa se kisa", "kisa sa vle di", "m pa konprann"),
    more=LEXICON.more + ("gen lot", "gen lòt", "gen lòt ankò", "gen lot anko", "lòt ankò souple"),
)

# "We have no car": public transit, unless the school bus is asked for as well (`Lexicon.no_car`)
_NO_CAR = (
    "pa gen machin",
    "nou pa gen machin",
    "m pa gen machin",
    "mwen pa gen machin",
    "san machin",
    "pa gen oto",
    "m pa kondi",
    "mwen pa kondi",
)
LEXICON = LEXICON.with_no_car(_NO_CAR)

# A person asked for as texted ("yon moun souple")
LEXICON = replace(LEXICON, human=LEXICON.human + ("yon moun", "yon moun souple", "moun reyèl", "yon vre moun", "pale ak moun"))

# Pre-kindergarten as one word ("prekindègadenn")
LEXICON = replace(
    LEXICON,
    grades={**LEXICON.grades, "prekindègadenn": (-1, -1), "pre kindègadenn": (-1, -1), "prekindegadenn": (-1, -1),
            "pre kindegadenn": (-1, -1), "prekindègaten": (-1, -1), "prematènèl": (-1, -1), "pre matènèl": (-1, -1)},
)  # fmt: skip

# "Non pou" (no to) before a sector
LEXICON = replace(LEXICON, negations=LEXICON.negations + ("non pou", "non", "non a", "non pa"))

# More texting shorthand ("m bzwn lek pou pitit m")
LEXICON = replace(
    LEXICON,
    shorthand={**LEXICON.shorthand, "lek": "lekol", "lekl": "lekol", "bzwn": "bezwen", "bzw": "bezwen", "bezwn": "bezwen",
               "tnpri": "tanpri", "tanpr": "tanpri", "pitt": "pitit"},
)  # fmt: skip

# a bus that may be the city's: beside a train or the metro, public transit
LEXICON = replace(LEXICON, city_bus=("bis", "otobis", "bus", "bis la"))
LEXICON = replace(LEXICON, classroom=("klas", "sal"), apart=("apa", "separe"), small=("piti",))

# "start sending the messages again", "send more"
LEXICON = replace(
    LEXICON,
    start=LEXICON.start
    + (
        "rekòmanse voye mesaj",
        "rekomanse voye mesaj",
        "rekòmanse voye mesaj yo",
        "rekomanse voye mesaj yo",
        "kòmanse voye mesaj ankò",
        "komanse voye mesaj anko",
    ),
    more=LEXICON.more + ("voye plis", "voye plis lekòl", "voye plis lekol", "voye lòt yo", "voye lot yo", "voye lòt", "voye lot"),
)

# The school bus written loosely, as it sounds ("biss", "biz lekol", "bsi lekol")
LEXICON = replace(
    LEXICON,
    needs={**LEXICON.needs, "bus": LEXICON.needs["bus"] + ("biss", "biss lekol", "biz lekol", "bsi lekol", "bys lekol", "bis lekoll",
                                                            "bis lekl", "biz lekòl", "bsi lekòl", "biss lekòl")},
)  # fmt: skip

# Starting again and the next page as texted ("rekomanse mesaj yo", "pwoch paj la spl"), a greeting run together ("sakpase")
LEXICON = replace(
    LEXICON,
    shorthand={**LEXICON.shorthand, "pwoch": "pwochen", "pwochn": "pwochen", "spl": "souple", "kmn": "kouman", "kman": "kouman",
               "ksa": "kisa"},
    start=LEXICON.start + tuple(f"{verb} {what}" for verb in ("rekomanse", "rekòmanse", "komanse", "kòmanse", "demare")
                                for what in ("mesaj yo", "mesaj", "mesaj yo ankò", "mesaj yo anko")),
    more=LEXICON.more + ("pwochen paj", "pwochen paj la", "paj swivan", "paj swivan an", "lot paj la", "lòt paj la", "lot paj"),
    greeting=LEXICON.greeting + ("sakpase", "sakpase la", "sakapfet", "sak ap fet la", "sa k pase"),
)  # fmt: skip

# Creole's blessings, no typo of a need ("Bondye beni nou" is no "beki", crutches)
LEXICON = replace(LEXICON, markers=LEXICON.markers + ("beni", "bondye", "benediksyon", "mizerikòd", "amen"))

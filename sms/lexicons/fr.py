"""French (families from France, Haiti, West and Central Africa, Quebec; with texting shortcuts)."""

from dataclasses import replace

from sms.lexicons import Lexicon

LEXICON = Lexicon(
    locale="fr",
    names=("francais", "french", "en francais", "langue francaise", "parlez francais", "ecrivez en francais", "en francais svp"),
    markers=("je", "j", "mon", "ma", "mes", "fils", "fille", "enfant", "enfants", "pour", "pr", "avec", "avc", "pres", "du", "des", "le",
             "les", "la", "une", "est", "et", "ou", "qui", "que", "quel", "quelle", "quelles", "quels", "cherche", "veux", "voudrais",
             "besoin", "ecole", "ecoles", "il", "elle", "ils", "nous", "vous", "c", "l", "d", "qu", "ce", "cette", "sont", "ai",
             "avez", "y", "a", "pas", "loin", "bonne", "bon", "entre", "annee", "ans", "sur", "dans", "au", "aux", "merci",
             "beaucoup", "heure", "est ce que", "est ce qu", "il y a", "svp", "stp", "slt", "parle", "parlons", "nouveaux",
             "arrivants", "cours", "mais", "aussi", "quartier", "notre", "votre", "comment", "combien", "quand", "ou est",
             "comparer", "comparez", "comparaison", "comparons", "changer", "chercher", "trouver", "aller", "voudrait", "aimerais",
             "aimerait", "pouvez", "peux", "peut", "faut", "faudrait", "fait", "aider", "aidez", "classe", "classes", "programme",
             "programmes", "programe", "en", "eleve", "eleves", "etudiant", "rentree", "inscrire", "garcon", "petit", "petite",
             "encore", "non", "oui", "ne", "lui", "leur", "nos", "vos", "ça", "ca", "quoi",
             "parce", "depuis", "vient", "viennent", "arriver", "apprendre", "apprend", "apprennent", "comprend",
             "anglais", "espagnol", "espagnole", "polonais", "creole", "haitien", "montrez", "montre moi", "montrez moi",
             "ya t il", "y a t il", "existe t il", "dsl", "bjr", "bsr", "jsuis", "chui", "jai", "j ai", "c est",
             "quelqu", "prendre", "prenne", "accompagner", "matin", "soir", "voiture", "travail", "aucune", "aucun", "sauf",
             "surtout", "uniquement", "seulement", "juste", "veut", "voulons", "avons", "sommes", "suis", "etes",
             "lycee", "secteur", "proche", "ville", "rue", "mere", "pere", "maman", "ecris", "ecrire", "adaptee",
             "adapte", "adaptes", "specialise", "specialisee", "aide", "soutien", "autre", "autres", "celle", "celui", "anne", "annees", "jcherche", "jveux", "jsais", "jpeux", "dune", "dun",
             "chez", "moi", "habite", "habitons", "cote", "ici", "prochaine", "prochain", "rentre", "entrer", "mois"),
    fillers=("s il vous plait", "s il te plait", "svp", "stp", "merci", "merci beaucoup", "d accord", "svp merci", "sil vous plait",
             "sil te plait", "s v p", "merci d avance", "mrc", "mci", "je veux", "je voudrais", "j aimerais", "on veut", "montrez moi",
             "montre moi", "montrez", "envoyez moi", "envoie moi", "donnez moi", "donne moi", "pouvez vous", "tu peux",
             "vous pouvez", "bonjour", "bonsoir", "plz", "pls"),
    stop=("arret", "arrete", "arreter", "arretez", "stop", "desabonner", "desinscrire", "desabonnement", "annuler", "fin",
          "ne plus recevoir", "arretez les messages", "stopper", "stoppez", "se desabonner", "me desabonner", "desinscription",
          "ne m ecrivez plus", "ne plus m envoyer", "plus de messages", "arretez d envoyer", "arretez de m ecrire", "stop sms",
          "arreter les messages", "arreter les sms", "arretez les sms", "je ne veux plus de messages", "ne plus m ecrire",
          "laissez moi tranquille", "c est fini"),
    start=("commencer", "demarrer", "reprendre", "recommencer", "reabonner", "debut", "reprendre les messages", "reprendre les sms",
           "reactiver", "me reabonner", "s abonner", "m abonner", "abonner", "recommencer les messages", "relancer",
           "reprenez", "reprenez les messages", "redemarrer", "start", "oui je veux"),
    help=("aide", "aidez moi", "aide moi", "au secours", "a l aide", "besoin d aide", "j ai besoin d aide", "comment ca marche",
          "comment ca fonctionne", "menu", "options", "que puis je faire", "comment faire", "aidez nous", "aide svp", "help"),
    more=("plus", "suivant", "suivante", "encore", "autres", "d autres", "plus d ecoles", "voir plus", "la suite", "les autres",
          "autres ecoles", "d autres ecoles", "encore des ecoles", "voir d autres", "voir les autres", "page suivante", "les suivantes",
          "les suivants", "en voir plus", "encore plus", "plus de choix", "autres choix", "d autres choix", "plus de resultats",
          "autres resultats", "la suite svp", "d autres options", "autres options", "plus d options", "encore d autres",
          "y en a d autres", "il y en a d autres", "et les autres", "continuer"),
    greeting=("bonjour", "bonsoir", "salut", "slt", "coucou", "allo", "bjr", "bsr", "bonjour madame", "bonjour monsieur",
              "bonjour a vous", "bonsoir a vous", "salut a vous", "bonsoir madame", "bonsoir monsieur", "rebonjour", "re bonjour",
              "bonjour bonjour", "hello", "bonjour a tous", "salutations", "bonne journee", "bonne soiree", "bjr madame",
              "bjr monsieur", "cc", "bonjour comment allez vous", "comment allez vous", "ca va",
              "bonjour ca va", "salut ca va", "bonjour comment ca va"),
    not_commands=("plus proche", "plus pres", "plus a cote", "le plus proche", "la plus proche", "les plus proches"),
    wider=("plus loin", "elargir", "agrandir la zone", "elargir la recherche", "plus large", "chercher plus loin", "un peu plus loin",
           "zone plus large", "rayon plus large"),
    human=("parler a quelqu un", "parler avec quelqu un", "quelqu un", "une personne", "une vraie personne", "un humain",
           "un agent", "un conseiller", "une conseillere", "appelez moi", "appelez moi svp", "rappelez moi", "un etre humain",
           "parler a une personne", "parler a un humain", "un operateur", "une operatrice", "un representant", "un vrai humain",
           "une personne reelle", "parler a un agent", "parler a un conseiller", "parler a une conseillere", "joindre quelqu un",
           "contacter quelqu un", "telephonez moi", "appelez nous", "un responsable", "parler au telephone"),
    compare=("comparer", "comparez", "compare", "comparaison", "difference entre", "la difference", "laquelle est meilleure",
             "laquelle est mieux", "lequel est mieux", "comparer les", "quelle difference", "laquelle choisir", "lequel choisir",
             "meilleure entre", "ou bien", "vs", "versus", "comparatif"),
    details=("details", "detail", "info", "infos", "info sur", "plus sur", "numero", "num", "no", "informations", "information",
             "plus d infos", "plus d informations", "en savoir plus", "parlez moi de", "parle moi de", "dites moi", "renseignements",
             "numero", "le numero", "le num", "le no", "le n"),
    school_words=("ecole", "ecoles", "etablissement", "etablissements", "ecol", "ecolle", "ekole", "etablissement scolaire",
                  "une ecole", "des ecoles", "l ecole", "les ecoles", "scolaire"),
    grades={
        "prematernelle": (-1, -1), "pre maternelle": (-1, -1), "pre k": (-1, -1), "prek": (-1, -1), "creche": (-1, -1),
        "petite section": (-1, -1), "moyenne section": (-1, -1), "prescolaire": (-1, -1), "pre scolaire": (-1, -1),
        "garderie": (-1, -1), "pre kindergarten": (-1, -1), "pre maternel": (-1, -1), "prematernel": (-1, -1),
        # the lycée's years as France names them ("il rentre en 2nde"): seconde is the tenth grade, terminale the twelfth
        "en seconde": (10, 10), "classe de seconde": (10, 10), "en terminale": (12, 12), "classe de terminale": (12, 12),
        "maternelle": (0, 0), "jardin d enfants": (0, 0), "jardin d enfant": (0, 0), "kindergarten": (0, 0), "grande section": (0, 0),
        "maternel": (0, 0), "materelle": (0, 0), "maternele": (0, 0), "kinder": (0, 0), "kindergarden": (0, 0),
        "primaire": (0, 5), "ecole primaire": (0, 5), "ecole elementaire": (0, 5), "elementaire": (0, 5), "primaires": (0, 5),
        "ecoles primaires": (0, 5), "elementaires": (0, 5), "cp": (1, 1), "ce1": (2, 2), "ce2": (3, 3), "cm1": (4, 4), "cm2": (5, 5),
        "college": (6, 8), "colleges": (6, 8), "ecole intermediaire": (6, 8), "middle school": (6, 8), "ecole moyenne": (6, 8),
        "lycee": (9, 12), "lycees": (9, 12), "ecole secondaire": (9, 12), "high school": (9, 12), "lycee general": (9, 12),
        "secondaire": (9, 12), "ecoles secondaires": (9, 12), "lyce": (9, 12), "lycé": (9, 12), "terminale": (12, 12),
    },
    grade_patterns=(r"\b{n} ?(?:e|eme|em|ieme|ere|er|re|iere|me)? ann?ee?s?\b", r"\bannee {n}\b", r"\b{n} ?(?:e|eme|ieme) an\b",
                    r"\b{n} ?(?:e|eme|em|ieme|ere|er|re|iere) (?:classe|grade)\b", r"\bclasse de {n} ?(?:e|eme|em|ieme|ere|er|re)?\b",
                    r"\b{n} ?(?:e|eme|em|ieme|ere|er|re|iere)? (?:et|a|ou|au|jusqu a) (?:la )?\S+ ann?ee?s?\b",
                    r"\b(?:en|pour la|dans la|et la|a la|jusqu a la) (\d{1,2}) ?(?:e|eme|ieme|ere|re|er|em)\b",
                    r"\b(?:en|pour la|dans la|et la|a la|jusqu a la) (deuxieme|troisieme|quatrieme|cinquieme|sixieme|septieme|huitieme|neuvieme|dixieme|onzieme|douzieme)\b"),
    number_words={"premiere": 1, "premier": 1, "deuxieme": 2, "seconde": 2, "troisieme": 3, "quatrieme": 4, "cinquieme": 5,
                  "sixieme": 6, "septieme": 7, "huitieme": 8, "neuvieme": 9, "dixieme": 10, "onzieme": 11, "douzieme": 12,
                  "deux": 2, "trois": 3, "quatre": 4, "cinq": 5, "six": 6, "sept": 7, "huit": 8, "neuf": 9, "dix": 10,
                  "onze": 11, "douze": 12, "1ere": 1, "1re": 1, "1er": 1, "2eme": 2, "3eme": 3, "4eme": 4, "5eme": 5, "6eme": 6,
                  "7eme": 7, "8eme": 8, "9eme": 9, "10eme": 10, "11eme": 11, "12eme": 12, "deuxiemme": 2, "troisiemme": 3},
    needs={
        "sped": ("classe speciale", "classes speciales", "education specialisee", "education speciale", "enseignement specialise", "besoins particuliers",
                 "besoins speciaux", "besoins educatifs particuliers", "handicap", "handicape", "handicapee", "handicapes",
                 "iep", "pei", "trouble d apprentissage", "troubles d apprentissage", "orthophonie", "dyslexie", "dyslexique",
                 "educ specialisee", "ed specialisee", "education specialise", "enseignement special", "besoin particulier",
                 "besoins specifiques", "enfant a besoins particuliers", "difficultes d apprentissage", "difficulte d apprentissage",
                 "retard de developpement", "retard mental", "deficience intellectuelle", "tdah", "hyperactif", "dyspraxie",
                 "dysphasie", "trouble du langage", "troubles du comportement", "plan d intervention", "pps", "avs", "aesh",
                 "ulis", "sped", "classe adaptee", "ecole adaptee", "ecole specialisee", "education adaptee",
                 "services specialises", "plan educatif individualise", "programme educatif individualise", "orthopedagogie"),
        "ell": ("anglais langue seconde", "fls", "esl", "ell", "apprendre l anglais", "cours d anglais", "classes d anglais",
                "nouveaux arrivants", "nouvel arrivant", "soutien en anglais", "apprendre anglais", "apprend l anglais",
                "apprennent l anglais", "apprenant l anglais", "apprenants d anglais", "ne parle pas anglais", "parle pas anglais", "parle pa anglais", "pa parle anglais", "parle pas l anglais",
                "connait pas l anglais", "sait pas l anglais", "ne sait pas l anglais", "parle pas anglai",
                "ne parle pas l anglais", "parle pas l anglais", "parle pas encore anglais", "ne parle pas encore anglais",
                "parle pas encore l anglais", "parle pas bien anglais", "parle pas bien l anglais", "parlent pas anglais",
                "parlent pas l anglais", "pas du tout l anglais", "pas un mot d anglais", "pas du tout anglais", "ne comprend pas l anglais",
                "comprend pas l anglais", "comprend pas bien l anglais", "comprend pas anglais", "comprennent pas l anglais",
                "soutien en langue", "soutien linguistique", "aide en anglais", "aide pour l anglais", "aide en langue", "aide linguistique",
                "primo arrivant", "primo arrivants", "primo arrivante", "vient d arriver", "viennent d arriver", "venons d arriver",
                "vient juste d arriver", "nouvellement arrive", "nouvellement arrivee", "recemment arrive", "recemment arrivee",
                "nouveau arrivant", "nouvelle arrivante", "nouvelle arrivee", "anglais comme langue seconde",
                "parle que francais", "parle seulement francais", "ne parle que francais", "ne parle que le francais",
                "parle uniquement francais", "ne sait pas parler anglais", "sait pas parler anglais",
                "apprendre a parler anglais", "cours de langue anglaise", "classe d accueil", "classes d accueil", "anglais intensif",
                "mise a niveau en anglais", "niveau d anglais faible", "faible en anglais", "difficultes en anglais"),
        "dual_language": ("double langue", "deux langues", "double immersion", "immersion", "dual language", "bilingue immersion",
                          "bilingue", "bilingues", "programme bilingue", "ecole bilingue", "classe bilingue", "enseignement bilingue",
                          "bilinge", "bilangue", "bi lingue", "en deux langues", "langue double", "immersion bilingue",
                          "programme d immersion", "double cursus"),
        "bus": ("bus scolaire", "autobus", "autobus scolaire", "car scolaire", "ramassage scolaire", "transport scolaire",
                "bus", "navette", "ramassage", "bus jaune", "autobus jaune", "transport pour l ecole", "navette scolaire",
                "transport a l ecole", "bus de l ecole", "car de ramassage", "service de bus", "transport scolaire gratuit"),
        "transit": ("metro", "train", "transport en commun", "transports en commun", "rer", "tram", "cta", "transports publics",
                    "transport public", "bus de la ville", "bus public", "bus de la cta", "ligne de metro", "station de metro",
                    "pres du metro", "tramway", "ligne bleue", "ligne rouge", "ligne verte", "ligne orange", "ligne rose", "ligne brune", "ligne violette", "ligne mauve", "ligne jaune", "le l", "carte de transport", "bus cta"),
        "accessible": ("fauteuil roulant", "accessible", "accessibles", "accessibilite", "ascenseur", "rampe", "mobilite reduite",
                       "fauteuil", "chaise roulante", "en fauteuil", "ascenseurs", "rampes", "rampe d acces", "pmr",
                       "peut pas monter les escaliers", "ne peut pas monter les escaliers", "monter les escaliers", "escaliers",
                       "sans escaliers", "bequilles", "acces handicape", "acces fauteuil", "adapte aux fauteuils",
                       "accessible aux fauteuils", "deambulateur", "marche difficilement"),
    },
    programs={
        "autism": ("autisme", "autiste", "autistes", "otiste", "otisme", "autisme leger", "trouble du spectre de l autisme",
                   "trouble du spectre autistique", "spectre autistique", "spectre de l autisme", "tsa", "asperger", "autisme severe", "enfant autiste", "programme autisme", "autite"),
        "deaf_hard_of_hearing": ("sourd", "sourde", "sourds", "sourdes", "malentendant", "malentendante", "malentendants",
                                 "malentendantes", "mal entendant", "mal entendante", "deficience auditive", "deficient auditif",
                                 "deficiente auditive", "probleme d audition", "problemes d audition", "probleme auditif",
                                 "problemes auditifs", "troubles auditifs", "trouble auditif", "perte auditive", "n entend pas",
                                 "entend mal", "n entend pas bien", "entend pas bien", "entend pas", "langue des signes",
                                 "langage des signes", "lsf", "lsq", "asl", "appareil auditif", "appareils auditifs",
                                 "implant cochleaire", "handicap auditif", "sourd muet", "sourde muette", "surdite"),
        "visual_impairment": ("aveugle", "aveugles", "malvoyant", "malvoyante", "malvoyants", "malvoyantes", "mal voyant",
                              "mal voyante", "deficience visuelle", "deficient visuel", "deficiente visuelle", "handicap visuel",
                              "voit mal", "ne voit pas", "ne voit pas bien", "voit pas bien", "voit pas", "basse vision",
                              "braille", "troubles visuels", "trouble visuel", "probleme de vue", "problemes de vue",
                              "probleme de vision", "problemes de vision", "cecite", "non voyant", "non voyante", "vue faible",
                              "vision faible", "presque aveugle"),
        "self_contained": ("classe separee", "classes separees", "classe autonome", "classe fermee", "self contained",
                           "classe speciale a temps plein", "classe specialisee a temps plein", "classe specialisee toute la journee",
                           "toute la journee en classe speciale", "classe a part", "classe speciale separee", "classe distincte",
                           "classe specialisee separee", "petite classe specialisee", "classe d education specialisee",
                           "classe specialisee", "classes specialisees"),
        "inclusion": ("inclusion", "classe inclusive", "classe d inclusion", "inclusif", "inclusive", "integration scolaire",
                      "classe ordinaire avec", "avec les autres eleves", "avec les autres enfants", "co enseignement",
                      "coenseignement", "milieu ordinaire", "classe reguliere avec", "inclusion scolaire", "classe integree",
                      "en inclusion", "classe normale avec"),
        "resource": ("salle de ressources", "salle ressource", "salle de ressource", "classe ressource", "classe de ressources",
                     "enseignant ressource", "enseignante ressource", "professeur ressource", "orthopedagogue", "quelques heures par semaine", "soutien ponctuel", "aide ponctuelle", "sortie de classe pour du soutien",
                     "salle d appui", "classe d appui", "local de ressources"),
        "significant_support": ("handicap lourd", "handicap severe", "handicap grave", "polyhandicap", "polyhandicape",
                                "polyhandicapee", "soutien intensif", "beaucoup de soutien", "accompagnement intensif",
                                "besoins importants", "lourdement handicape", "lourdement handicapee", "soutien important",
                                "handicap profond", "besoins intensifs", "aide intensive", "soutien constant", "soutien tres important",
                                "handicap multiple", "handicaps multiples", "multihandicap", "tres lourd",
                                "beaucoup d aide", "aide permanente", "encadrement intensif"),
        "early_childhood": ("education specialisee pour la petite enfance", "education specialisee de la petite enfance",
                            "education specialisee petite enfance", "education speciale petite enfance",
                            "education speciale pour la petite enfance", "petite enfance specialisee", "specialisee pour la petite enfance",
                            "enseignement specialise petite enfance", "intervention precoce", "prescolaire specialise",
                            "maternelle specialisee", "prematernelle specialisee", "pre k specialise", "petite enfance", "education precoce specialisee", "depistage precoce",
                            "camsp", "prescolaire adapte", "maternelle adaptee"),
    },
    sectors={"charter": ("charter", "charte", "ecole a charte", "ecole charter", "ecoles charter", "charters", "ecoles charters",
                         "a charte", "chartes", "ecoles a charte"),
             "district": ("publique", "publiques", "public", "ecole publique", "du district", "de quartier", "cps", "ecoles publiques",
                          "ecole du quartier", "ecole de quartier", "district", "ecole de secteur", "ecole du secteur", "publics",
                          "ecole du district", "ecoles du district", "ecoles de quartier")},
    only=("rien que", "rien d autre que", "rien sauf", "rien a part"),
    negations=("ne veux pas", "veux pas", "voulons pas", "veut pas", "voudrais pas", "pas de", "pas d", "pas les", "pas une",
               "pas un", "pas en", "pas dans", "surtout pas", "sauf", "excepte", "hormis", "a part", "aucune", "aucun",
               "non", "eviter", "evitez", "j evite", "pas interesse", "pas interessee", "interesse pas", "interessent pas", "interessee pas", "m interesse pas", "m interessent pas", "tout sauf", "autre que", "autres que",
               "jamais", "pas question", "ni", "pas la", "pas le", "pas des", "pas du", "n importe quoi sauf",
               "n importe quelle ecole sauf", "en dehors des", "hors"),
    without=("sans", "pas de", "pas d", "aucun", "aucune", "non"),  # "sans bus", "pas de transport"
    not_needed=("pas besoin", "pas besoin de", "pas besoin d", "n a pas besoin", "ai pas besoin", "avons pas besoin", "a pas besoin",
                "n ai pas besoin", "n avons pas besoin", "ont pas besoin", "pas necessaire", "inutile", "pas la peine", "pas de",
                "pas interesse", "pas interessee", "pas obligatoire", "on n a pas besoin", "nul besoin", "aucun besoin",
                "pas besoin du", "je la depose", "je le depose", "je les depose", "je l emmene", "on l emmene", "on a une voiture",
                "j ai une voiture", "en voiture", "pas du tout besoin", "n en a pas besoin", "n en avons pas besoin"),
    languages={"espagnol": "es", "francais": "fr", "chinois": "zh", "mandarin": "zh", "cantonais": "zh", "arabe": "ar",
               "polonais": "pl", "vietnamien": "vi", "coreen": "ko", "russe": "ru", "ourdou": "ur", "bengali": "bn",
               "creole": "ht", "creole haitien": "ht", "somali": "so", "tagalog": "tl", "japonais": "ja", "italien": "it",
               "portugais": "pt", "wolof": "wo", "swahili": "sw", "espagnole": "es", "espagnols": "es", "francaise": "fr",
               "chinoise": "zh", "polonaise": "pl", "vietnamienne": "vi", "coreenne": "ko", "japonaise": "ja", "italienne": "it",
               "portugaise": "pt", "haitien": "ht", "kreyol": "ht", "bangla": "bn", "hindi": "hi",
               "allemand": "de", "allemande": "de", "lingala": "ln", "filipino": "tl", "somalien": "so", "somalienne": "so",
               "espanol": "es", "arabes": "ar"},
    ages=("ans",),  # after a number: a child's age, not a result number
    topics={"apply": ("comment s inscrire", "inscrire", "inscription", "s inscrire", "postuler", "candidature", "date limite",
                      "inscriptions", "l inscrire", "inscrire mon fils", "inscrire ma fille", "comment inscrire", "comment postuler",
                      "dossier d inscription", "formulaire", "admission", "admissions", "date limite d inscription", "candidater",
                      "faire une demande", "demande d admission", "s enregistrer")},
    cannot=("peut pas", "sait pas", "pourra pas", "peux pas", "ne peut", "ne sait"),
)  # fmt: skip

# Shorthand of talk ("jcomprends pas", "parler a qqn")
LEXICON = replace(
    LEXICON,
    help=LEXICON.help
    + (
        "je comprends pas",
        "jcomprends pas",
        "j comprends pas",
        "je ne comprends pas",
        "comprends pas",
        "jcomprend pas",
        "comment on fait",
        "comment faire svp",
        "aide moi stp",
        "aidez moi svp",
    ),
    human=LEXICON.human + ("parler a qqn", "parler avec qqn", "qqn", "qq1", "parler a qq1", "une vraie personne svp", "un humain stp"),
    more=LEXICON.more + ("la suite stp", "suite", "encore stp", "d autres stp", "autres svp"),
)

LEXICON = replace(
    LEXICON,
    shorthand={
        "ds": "dans",
        "pr": "pour",
        "pk": "pourquoi",
        "pq": "pourquoi",
        "ac": "avec",
        "avc": "avec",
        "ki": "qui",
        "ke": "que",
        "koi": "quoi",
        "dla": "de la",
        "qqn": "quelqu un",
        "qq": "quelques",
        "tt": "tout",
        "ts": "tous",
        "bcp": "beaucoup",
        "mm": "meme",
        "jsuis": "je suis",
        "chui": "je suis",
        "jveux": "je veux",
        "jvoudrais": "je voudrais",
        "jcherche": "je cherche",
        "ya": "il y a",
        "ecol": "ecole",
        "ekol": "ecole",
        "educ": "education",
        "spe": "specialisee",
        "spé": "specialisee",
        "specialise": "specialisee",
        "anglai": "anglais",
        "angl": "anglais",
        "matern": "maternelle",
        "mater": "maternelle",
        "prim": "primaire",
        # school words cut short, as French texters write them ("pr la mat", "au lyc", "en 2nde", "ecole pub")
        "mat": "maternelle",
        "lyc": "lycee",
        "2nde": "seconde",
        "pub": "publique",
        "bi": "bilingue",
        "transp": "transport",
        "handi": "handicap",
        "pb": "probleme",
        "svp": "svp",
    },
)

# Talk as families type it ("what is this", "el 2", "basta ya")
LEXICON = replace(
    LEXICON,
    help=LEXICON.help + ("c est quoi", "c quoi", "c koi", "c est quoi ca", "qu est ce que c est", "je comprends rien"),
    stop=LEXICON.stop + ("plus de sms", "plus de messages", "plus de textos", "arretez svp", "stop svp merci"),
    more=LEXICON.more + ("suivants", "suivantes", "les suivants", "autres ecoles svp", "y en a d autres", "y a d autres"),
    fillers=LEXICON.fillers + ("le", "la", "l"),
)

# "We have no car": public transit, unless the school bus is asked for as well (`Lexicon.no_car`)
_NO_CAR = (
    "pas de voiture",
    "pas de vehicule",
    "on n a pas de voiture",
    "je n ai pas de voiture",
    "nous n avons pas de voiture",
    "sans voiture",
    "je ne conduis pas",
    "pa de voiture",
)
LEXICON = LEXICON.with_no_car(_NO_CAR)

# Learning English said in a sentence ("il apprend encore l'anglais")
LEXICON = replace(
    LEXICON,
    needs={
        **LEXICON.needs,
        "ell": LEXICON.needs["ell"]
        + ("apprend encore l anglais", "apprend toujours l anglais", "en train d apprendre l anglais", "ne parle que",
           "parle seulement", "parle que", "pas encore l anglais", "ne comprend pas l anglais", "comprend pas l anglais"),
    },
)  # fmt: skip

# France's and Quebec's program names ("classe ULIS", "classe d'adaptation")
LEXICON = replace(
    LEXICON,
    programs={
        **LEXICON.programs,
        "self_contained": LEXICON.programs["self_contained"] + ("ulis", "classe ulis", "dispositif ulis", "classe d adaptation",
                                                                "classe specialisee", "classe separee"),
    },
)  # fmt: skip

# More as texted ("montrez-m'en plus")
LEXICON = replace(
    LEXICON,
    more=LEXICON.more
    + ("montrer plus", "m en montrer plus", "en montrer plus", "montrez m en plus", "montrez en plus", "d autres", "d autres ecoles"),
)

# a bus that may be the city's: beside a train or the metro, public transit
LEXICON = replace(LEXICON, city_bus=("bus", "autobus"))
LEXICON = replace(
    LEXICON,
    classroom=("classe", "classes", "salle"),
    apart=("separee", "separees", "separe", "apart"),
    small=("petite", "petites", "petit"),
)

# "stop sending me texts"
LEXICON = replace(
    LEXICON,
    stop=LEXICON.stop
    + (
        "arretez de m envoyer des sms",
        "arretez de m envoyer des messages",
        "arretez de m envoyer",
        "arrete de m envoyer",
        "arrete de m envoyer des sms",
        "arretez de m ecrire",
        "arrete de m ecrire",
        "arretez les sms",
        "arretez les messages",
        "ne m envoyez plus de sms",
        "ne m envoyez plus de messages",
    ),
)

# How the bot is used, asked in SMS French ("cmt sa marche? jdoi ecrire koi"): "cmt" is comment, "jdoi" je dois
LEXICON = replace(
    LEXICON,
    shorthand={**LEXICON.shorthand, "cmt": "comment", "cmnt": "comment", "jdoi": "je dois", "jdois": "je dois", "jdwa": "je dois",
               "jecris": "j ecris", "jpeux": "je peux"},
    help=LEXICON.help + ("comment sa marche", "je dois ecrire quoi", "j ecris quoi", "on ecrit quoi", "quoi ecrire",
                         "que dois je ecrire", "comment utiliser", "comment on utilise", "comment ca s utilise", "je peux ecrire quoi"),
)  # fmt: skip

# "CM 2", "CE 1" written with a space; "près" as heard ("pret de 60629" is no pre-K)
LEXICON = replace(
    LEXICON,
    grades={**LEXICON.grades, "cm 1": (4, 4), "cm 2": (5, 5), "ce 1": (2, 2), "ce 2": (3, 3)},
    shorthand={**LEXICON.shorthand, "pret": "pres", "prai": "pres"},
)

# "Est-ce que" written as heard ("esque", "eske", "es ke"), "pas" and "répondre" as texted ("pa charter", "stp rep asap":
# an answer asked, no person)
LEXICON = replace(
    LEXICON,
    markers=LEXICON.markers + ("esque", "eske", "esce que", "es ke", "eske que", "scolere", "scolair"),
    shorthand={**LEXICON.shorthand, "pa": "pas", "rep": "repondre", "repond": "repondre", "esque": "est ce que", "eske": "est ce que"},
)

# Speech therapy named by who gives it ("orthophoniste"): special education
LEXICON = replace(LEXICON, needs={**LEXICON.needs, "sped": LEXICON.needs["sped"] + ("orthophoniste", "orthophonistes", "logopède")})

# "pas" alone before what it rules out, as texted ("école publique pas charter"): public schools then, no charter
LEXICON = replace(LEXICON, negations=LEXICON.negations + ("pas",))

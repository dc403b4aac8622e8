"""Demo topics for sports clubs, educational institutions, zoos, aquariums, farms and churches."""

from offers.demo.topics.base import DAGTILBUD, UNGDOM, Topic, dag, kl, kl_ungdom

TOPICS = (
    Topic(
        tag="sport",
        titles=("Prøv en ny sport", "Idrætsdag i klubben", "Ud af klassen – ind i klubben"),
        summary="Klassen prøver en sportsgren sammen med trænere fra en lokal klub og får lyst til at bevæge "
        "sig mere.",
        about="Mange børn finder deres sport, når de får lov at prøve. Klubbens trænere tager klassen igennem "
        "leg, teknik og spil tilpasset alle niveauer, så alle elever oplever at lykkes.",
        activities=(
            "Vi varmer op med lege",
            "Eleverne lærer sportens grundteknikker",
            "Vi spiller kampe på små hold",
            "Eleverne får information om klubbens træningstider",
        ),
        grades=(kl(0, 2), kl(2, 4), kl(4, 6), kl(7, 9)),
        themes=("idræt", "bevægelse", "foreningsliv", "sundhed"),
        subjects=("idraet",),
        sdgs=(3,),
    ),
    Topic(
        tag="sport",
        titles=("Bevægelse og læring", "Matematik i bevægelse", "Læring med kroppen"),
        summary="Aktiviteter, hvor eleverne lærer matematik og dansk gennem leg og bevægelse.",
        about="Bevægelse styrker både trivsel og læring. Forløbet kombinerer fagligt indhold fra matematik og "
        "dansk med lege og stafetter, så eleverne er fysisk aktive, mens de lærer.",
        activities=(
            "Vi løser regneopgaver som stafetløb",
            "Eleverne staver ord med kroppen",
            "Vi leger lege, der træner samarbejde",
            "Læreren får idéer til bevægelse i den daglige undervisning",
        ),
        grades=(dag(0), kl(0, 2), kl(2, 4), kl(4, 6)),
        themes=("bevægelse", "læring", "trivsel", "leg"),
        subjects=("idraet", "matematik", "dansk"),
        sdgs=(3, 4),
    ),
    Topic(
        tag="sport",
        titles=("Orienteringsløb i naturen", "O-løb for skoler"),
        summary="Eleverne lærer at læse et orienteringskort og gennemfører et orienteringsløb i skoven eller "
        "byen.",
        about="Orienteringsløb kombinerer løb og hovedarbejde. Eleverne lærer at vende kortet rigtigt, forstå "
        "signaturerne og vælge vej, og de gennemfører en bane i par eller alene.",
        activities=(
            "Vi lærer kortets signaturer og farver",
            "Eleverne øver sig på en kort stjerneløbsbane",
            "Vi løber en bane med elektronisk tidtagning",
            "Eleverne tegner deres egen bane på kortet",
        ),
        grades=(kl(2, 4), kl(4, 6), kl(7, 9), kl_ungdom(9)),
        themes=("orientering", "løb", "kort", "natur"),
        subjects=("idraet", "geografi", "matematik"),
        gym_subjects=("idraet",),
        sdgs=(3,),
    ),
    Topic(
        tag="sport",
        titles=("Svømning og vandsikkerhed", "Vandtilvænning og livredning", "Sikker ved vandet"),
        summary="Eleverne styrker deres svømmefærdigheder og lærer, hvordan man er sikker ved hav, sø og i "
        "svømmehallen.",
        about="Alle børn skal kunne klare sig i vand. Instruktørerne arbejder med vandtilvænning, svømning og "
        "selvredning og taler om farerne ved badning i hav og sø.",
        activities=(
            "Vi øver vandtilvænning og flydeøvelser",
            "Eleverne svømmer på ryg og mave over forskellige distancer",
            "Vi øver selvredning i tøj",
            "Eleverne lærer badereglerne ved kysten",
        ),
        grades=(dag(0), kl(0, 2), kl(2, 4), kl(4, 6)),
        themes=("svømning", "vandsikkerhed", "sundhed", "idræt"),
        subjects=("idraet",),
        sdgs=(3,),
    ),
    Topic(
        tag="sundhed",
        titles=("Krop, kost og trivsel", "Sund krop – stærk hjerne"),
        summary="Eleverne lærer om søvn, kost og motion og laver enkle tests af kondition og styrke.",
        about="Hvad betyder søvn, mad og bevægelse for, hvordan vi har det? Eleverne måler puls, tester "
        "kondition og diskuterer sunde vaner uden løftede pegefingre.",
        activities=(
            "Eleverne måler puls i hvile og efter aktivitet",
            "Vi laver konditions- og styrketests",
            "Vi undersøger sukker og fedt i hverdagens madvarer",
            "Eleverne laver en plan for bevægelse i frikvartererne",
        ),
        grades=(kl(3, 5), kl(5, 7), kl(7, 9), kl_ungdom(9)),
        themes=("sundhed", "trivsel", "kost", "motion"),
        subjects=("idraet", "madkundskab", "sundheds-og-seksualundervisning-og-familiekundskab", "biologi"),
        gym_subjects=("idraet", "biologi"),
        sdgs=(3,),
    ),
    Topic(
        tag="uddannelse",
        titles=("En dag på universitetet", "Studiepraktik: prøv at være studerende", "Mød forskerne"),
        summary="Eleverne følger undervisning, besøger laboratorier og taler med studerende om livet på en "
        "videregående uddannelse.",
        about="Hvordan er det at læse på en videregående uddannelse? Eleverne deltager i forelæsninger og "
        "øvelser, møder forskere og studerende og får indblik i forskellige studieretninger.",
        activities=(
            "Eleverne følger en forelæsning og en øvelsestime",
            "Vi besøger laboratorier og værksteder",
            "Studerende fortæller om deres uddannelse og studieliv",
            "Eleverne får vejledning om optagelse og studievalg",
        ),
        grades=(kl(8, 10), UNGDOM),
        themes=("uddannelse", "studievalg", "forskning", "uddannelse og job"),
        subjects=("uddannelse-og-job",),
        gym_subjects=("naturvidenskabelig-faggruppe", "samfundsfag", "matematik"),
        sdgs=(4,),
    ),
    Topic(
        tag="uddannelse",
        titles=("Laboratoriedag for gymnasieelever", "Eksperimenter i universitetets laboratorier"),
        summary="Gymnasieklasser udfører eksperimenter med udstyr, de ikke har på skolen, vejledt af forskere og "
        "studerende.",
        about="I universitetets laboratorier får eleverne adgang til avanceret udstyr og arbejder med "
        "eksperimenter, der knytter an til pensum i fysik, kemi og biologi. Dagen slutter med databehandling og "
        "rapportskrivning.",
        activities=(
            "Eleverne udfører eksperimenter i små grupper",
            "Vi bruger spektrofotometre og mikroskoper",
            "Vi behandler data og diskuterer usikkerheder",
            "Eleverne får en skabelon til rapportskrivning",
        ),
        grades=(UNGDOM,),
        themes=("naturvidenskab", "laboratorium", "eksperimenter", "forskning"),
        gym_subjects=("fysik", "kemi", "biologi", "naturvidenskabeligt-grundforloeb"),
        sdgs=(4, 9),
    ),
    Topic(
        tag="uddannelse",
        titles=("Sprogcafé: engelsk og tysk i praksis", "Brug dit sprog – sprogdag"),
        summary="Eleverne bruger engelsk og tysk i praksis gennem spil, samtaler og små opgaver med "
        "sprogstuderende.",
        about="Sprog lærer man ved at bruge dem. Sammen med sprogstuderende taler eleverne engelsk og tysk om "
        "hverdag, interesser og kultur, og de løser opgaver, der kræver, at de forstår og bliver forstået.",
        activities=(
            "Eleverne spiller sprogspil i små grupper",
            "Vi taler med studerende fra andre lande",
            "Eleverne løser en opgave om kultur og hverdag",
            "Vi holder korte præsentationer på fremmedsprog",
        ),
        grades=(kl(4, 6), kl(7, 9), UNGDOM),
        themes=("sprog", "interkulturel forståelse", "kommunikation"),
        subjects=("engelsk", "tysk", "fransk"),
        gym_subjects=("engelsk", "tysk", "fransk", "spansk"),
        sdgs=(4,),
    ),
    Topic(
        tag="uddannelse",
        titles=("Kryptografi: hemmelige koder", "Matematikdag med forskere", "Matematikkens mysterier"),
        summary="Eleverne arbejder med kryptografi og hemmelige koder og ser, hvordan matematik beskytter data "
        "i hverdagen.",
        about="Hver gang vi bruger netbank eller sender en besked, beskytter matematik vores data. Eleverne "
        "knækker gamle koder, laver deres egne og får et indblik i moderne kryptografi.",
        activities=(
            "Eleverne knækker Cæsar-koder og substitutionskoder",
            "Vi undersøger primtal og moduloregning",
            "Vi laver et hemmeligt budskab til en anden gruppe",
            "En forsker fortæller om matematik i arbejdslivet",
        ),
        grades=(kl(5, 7), kl(7, 9), kl_ungdom(9), UNGDOM),
        themes=("matematik", "kryptografi", "programmering", "datasikkerhed"),
        subjects=("matematik", "teknologiforstaaelse"),
        gym_subjects=("matematik", "informatik"),
        sdgs=(4, 9),
    ),
    Topic(
        tag="erhverv",
        titles=("Prøv en erhvervsuddannelse", "Brobygning: prøv et fag", "Erhvervsuddannelser på tæt hold"),
        summary="Eleverne prøver praktisk arbejde på en erhvervsskole og får indblik i uddannelser som tømrer, "
        "frisør, elektriker og kok.",
        about="Der er mange veje til et godt arbejdsliv. Eleverne prøver værksteder og køkkener på "
        "erhvervsskolen, arbejder med konkrete opgaver og taler med elever om hverdagen på en "
        "erhvervsuddannelse.",
        activities=(
            "Eleverne vælger to værksteder at prøve",
            "Vi arbejder med konkrete opgaver under vejledning",
            "Elever fra erhvervsskolen fortæller om uddannelsen",
            "Vi taler om adgangskrav og lærepladser",
        ),
        grades=(kl(7, 9), kl(8, 10)),
        themes=("erhvervsuddannelse", "uddannelse og job", "håndværk", "praktik"),
        subjects=("uddannelse-og-job", "haandvaerk-og-design", "madkundskab"),
        sdgs=(4, 8),
    ),
    Topic(
        tag="dyr",
        titles=("Dyrenes tilpasning i zoo", "Dyr fra hele verden", "Truede dyr og naturbevarelse"),
        summary="Eleverne undersøger, hvordan dyrene er tilpasset deres levesteder, og hvordan zoologiske haver "
        "arbejder med truede arter.",
        about="I den zoologiske have møder eleverne dyr fra hele verden. Zoologen fortæller om tilpasning, "
        "fødekæder og bevaringsarbejde, og eleverne observerer dyrenes adfærd med egne øjne.",
        activities=(
            "Eleverne observerer og registrerer dyrs adfærd",
            "Vi undersøger pels, fjer, kranier og tænder",
            "Vi hører om avlsprogrammer for truede arter",
            "Eleverne laver en plakat om et udvalgt dyr",
        ),
        grades=(dag(0), kl(0, 2), kl(2, 4), kl(4, 6), kl(7, 9), kl_ungdom(9)),
        themes=("dyr", "tilpasning", "truede arter", "biodiversitet"),
        subjects=("natur-teknologi", "biologi", "geografi"),
        gym_subjects=("biologi",),
        sdgs=(15, 14),
    ),
    Topic(
        tag="akvarium",
        titles=("Livet i akvariet", "Havets dyr i akvariet", "Fisk og havdyr på tæt hold"),
        summary="Eleverne møder havets dyr i akvariet, ser en fodring og lærer om fødekæder og havmiljø.",
        about="I akvariet kan eleverne se dyr, der normalt er skjult under havoverfladen. Formidlerne fortæller "
        "om fødekæder, fiskenes tilpasninger og truslerne mod havet, og eleverne må røre ved dyrene i "
        "røreakvariet.",
        activities=(
            "Eleverne ser fodringen af fisk og sæler",
            "Vi rører ved søstjerner og krabber i røreakvariet",
            "Vi undersøger fiskenes bygning og tilpasninger",
            "Eleverne arbejder med havets fødekæder",
        ),
        grades=(dag(0), kl(0, 2), kl(2, 4), kl(4, 6), kl(7, 9)),
        themes=("havet", "akvarium", "fisk", "havmiljø"),
        subjects=("natur-teknologi", "biologi", "geografi"),
        sdgs=(14,),
    ),
    Topic(
        tag="gaard",
        titles=("Livet på bondegården", "Besøg på gården: fra ko til mælk", "Dyrene på gården"),
        summary="Børnene møder gårdens dyr, hjælper med at fodre og lærer, hvor mælk, æg og kød kommer fra.",
        about="På gården kommer børnene helt tæt på køer, grise, høns og får. De hjælper til med at fodre og "
        "muge ud og lærer om dyrenes behov og om vejen fra gård til køleskab.",
        activities=(
            "Børnene fodrer dyrene og samler æg",
            "Vi ser malkningen og smager på mælken",
            "Vi taler om dyrevelfærd og dyrenes behov",
            "Børnene sidder i traktoren, mens den holder stille",
        ),
        grades=(DAGTILBUD, dag(0), kl(0, 2), kl(2, 4)),
        themes=("landbrug", "husdyr", "fødevarer", "dyrevelfærd"),
        subjects=("natur-teknologi", "madkundskab"),
        sdgs=(2, 12),
    ),
    Topic(
        tag="kirke",
        titles=("Kirkerummet fortæller", "Kirkens symboler og historie", "Besøg i landsbykirken"),
        summary="Eleverne går på opdagelse i kirkerummet og lærer om symboler, kalkmalerier og kirkeårets "
        "højtider.",
        about="Kirken er både et levende kirkerum og et historisk monument. Eleverne undersøger kalkmalerier, "
        "døbefont og alter og taler om kristendommens fortællinger og kirkeårets højtider.",
        activities=(
            "Vi finder symboler og fortællinger i kalkmalerierne",
            "Eleverne hører om dåb, konfirmation og bryllup",
            "Vi går op i kirketårnet, hvor det er muligt",
            "Eleverne sammenligner med andre religioners hellige rum",
        ),
        grades=(kl(0, 2), kl(2, 4), kl(4, 6), kl(7, 9)),
        themes=("kirke", "religion", "kalkmalerier", "kulturarv"),
        subjects=("kristendomskundskab", "historie", "billedkunst"),
    ),
)

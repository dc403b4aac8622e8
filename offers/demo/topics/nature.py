"""Demo topics for nature centres, science centres and energy: biology, climate, technology and maths."""

from offers.demo.topics.base import DAGTILBUD, UNGDOM, Topic, dag, kl, kl_ungdom

TOPICS = (
    Topic(
        tag="vand",
        titles=("Vandløbets smådyr", "Smådyr i åen", "Vandkvalitet og smådyr i vandløbet"),
        summary="Eleverne fanger og bestemmer smådyr i et vandløb og vurderer vandkvaliteten ud fra de dyr, de "
        "finder.",
        about="Døgnfluelarver, vårfluelarver og slammerlarver fortæller meget om et vandløb. Med ketsjere og "
        "bestemmelsesnøgler undersøger eleverne livet i åen og bruger smådyrene til at vurdere vandets kvalitet.",
        activities=(
            "Vi fanger smådyr med ketsjer i vandløbet",
            "Eleverne bestemmer dyrene med lup og bestemmelsesnøgle",
            "Vi beregner et faunaindeks for vandløbet",
            "Eleverne måler temperatur, ilt og strømhastighed",
        ),
        grades=(kl(2, 4), kl(3, 6), kl(7, 9), kl_ungdom(9)),
        themes=("vandløb", "smådyr", "vandmiljø", "biodiversitet", "natur"),
        subjects=("natur-teknologi", "biologi", "geografi"),
        gym_subjects=("biologi", "naturgeografi"),
        sdgs=(6, 15),
    ),
    Topic(
        tag="natur",
        titles=("Livet i skoven", "Skovens dyr og planter", "Skovtur med naturvejlederen"),
        summary="En dag i skoven med naturvejlederen, hvor eleverne undersøger træer, svampe, dyrespor og "
        "skovens kredsløb.",
        about="Skoven er et levende klasseværelse. Med naturvejlederen går eleverne på opdagelse blandt træer, "
        "svampe og smådyr, finder dyrespor og lærer om skovens kredsløb gennem årstiderne.",
        activities=(
            "Vi bestemmer træer ud fra blade, bark og frugter",
            "Eleverne leder efter dyrespor og gnavespor",
            "Vi undersøger smådyr i skovbunden med lup",
            "Eleverne bygger en fødekæde med skovens dyr",
        ),
        grades=(DAGTILBUD, dag(1), kl(1, 3), kl(3, 5), kl(7, 9)),
        themes=("skov", "natur", "dyrespor", "biodiversitet", "årstider"),
        subjects=("natur-teknologi", "biologi"),
        sdgs=(15, 13),
    ),
    Topic(
        tag="kyst",
        titles=("Strandens dyr og planter", "Livet i strandkanten", "Havets liv ved kysten"),
        summary="Eleverne fanger krabber, rejer og fisk i strandkanten og lærer om livet i havet og truslerne "
        "mod det.",
        about="I strandkanten mødes land og hav. Med waders og net undersøger eleverne livet på lavt vand, "
        "bestemmer dyr og tang og taler om plastik, iltsvind og beskyttelse af havmiljøet.",
        activities=(
            "Vi fanger dyr med stranddrag og ketsjere",
            "Eleverne bestemmer krabber, rejer, muslinger og tang",
            "Vi samler affald på stranden og sorterer det",
            "Eleverne undersøger vandets saltholdighed og temperatur",
        ),
        grades=(dag(0), kl(1, 3), kl(3, 6), kl(7, 9)),
        themes=("havet", "kyst", "havmiljø", "biodiversitet", "plastik"),
        subjects=("natur-teknologi", "biologi", "geografi"),
        sdgs=(14, 12),
    ),
    Topic(
        tag="natur",
        titles=("Fugle og fugletræk", "Fugleliv ved søen", "Fugletur med kikkert"),
        summary="Med kikkert og fuglebog lærer eleverne almindelige fugle at kende og hører om fuglenes træk "
        "og tilpasninger.",
        about="Hvert forår og efterår trækker millioner af fugle over Danmark. Eleverne lærer at bruge kikkert "
        "og fuglebog, kender fugle på sang og flugt og undersøger, hvordan fugle er tilpasset deres levesteder.",
        activities=(
            "Vi lærer at bruge kikkert og teleskop",
            "Eleverne bestemmer fugle ud fra udseende og sang",
            "Vi undersøger fuglefjer, næb og fødder",
            "Eleverne bygger en fuglekasse eller et foderbræt",
        ),
        grades=(dag(0), kl(1, 3), kl(3, 5), kl(6, 9)),
        themes=("fugle", "fugletræk", "natur", "biodiversitet"),
        subjects=("natur-teknologi", "biologi"),
        sdgs=(15,),
    ),
    Topic(
        tag="friluft",
        titles=("Bål og naturmad", "Mad over bål", "Vilde spiselige planter"),
        summary="Eleverne samler spiselige planter, tænder bål og laver mad i naturen med enkle råvarer.",
        about="Naturen er fuld af spiselige planter, og mad over bål smager af mere. Eleverne lærer at kende "
        "og samle vilde urter sikkert, tænde bål med tændstål og lave et enkelt måltid sammen.",
        activities=(
            "Vi samler og bestemmer spiselige planter",
            "Eleverne tænder bål med tændstål og tørt brænde",
            "Vi laver snobrød, suppe eller pandekager over bålet",
            "Eleverne lærer reglerne for sikker omgang med kniv og ild",
        ),
        grades=(DAGTILBUD, kl(0, 2), kl(2, 4), kl(4, 6), kl(6, 9)),
        themes=("friluftsliv", "bål", "naturmad", "vilde planter"),
        subjects=("madkundskab", "natur-teknologi", "idraet"),
        sdgs=(3, 12),
    ),
    Topic(
        tag="natur",
        titles=("Klima og kulstof i mosen", "Mosen som klimaløsning", "Vådområder og klima"),
        summary="Eleverne undersøger mosens planter og jordlag og lærer, hvorfor vådområder er vigtige for "
        "klimaet.",
        about="Moser og vådområder lagrer store mængder kulstof. Eleverne borer i tørven, undersøger planterne "
        "og diskuterer, hvorfor udtørrede moser udleder drivhusgasser, og hvad genopretning betyder for klima og "
        "natur.",
        activities=(
            "Vi tager jordprøver med tørvebor",
            "Eleverne undersøger tørvemos og mosens planter",
            "Vi regner på kulstoflagring i en mose",
            "Eleverne diskuterer fordele og ulemper ved at genoprette vådområder",
        ),
        grades=(kl(4, 6), kl(7, 9), kl_ungdom(9)),
        themes=("klima", "mose", "kulstof", "vådområder", "natur"),
        subjects=("natur-teknologi", "biologi", "geografi", "fysik-kemi"),
        gym_subjects=("biologi", "naturgeografi", "geoscience"),
        sdgs=(13, 15),
    ),
    Topic(
        tag="natur",
        titles=(
            "Biodiversitet i skolegården",
            "Vild med vilje: mere natur i skolegården",
            "Giv naturen plads",
        ),
        summary="Eleverne kortlægger skolegårdens natur og planlægger og laver tiltag, der giver plads til "
        "flere arter.",
        about="Biodiversitetskrisen kan også mærkes i skolegården. Eleverne undersøger, hvilke planter og dyr "
        "der lever på skolen, og laver konkrete tiltag som insekthoteller, vilde blomster og kvasbunker.",
        activities=(
            "Vi registrerer arter i skolegården med en app",
            "Eleverne bygger insekthoteller og redekasser",
            "Vi sår vilde blomster og laver kvasbunker",
            "Eleverne præsenterer en plan for mere natur på skolen",
        ),
        grades=(dag(0), kl(1, 3), kl(3, 6), kl(7, 9)),
        themes=("biodiversitet", "skolegård", "insekter", "natur", "bæredygtighed"),
        subjects=("natur-teknologi", "biologi", "matematik"),
        sdgs=(15, 11, 13),
    ),
    Topic(
        tag="natur",
        titles=("Insekter og bestøvere", "Bierne og blomsterne", "Insektjagt på engen"),
        summary="Eleverne fanger og bestemmer insekter på engen og lærer, hvorfor bier og andre bestøvere er "
        "vigtige for vores mad.",
        about="Uden bestøvere ingen æbler. Eleverne fanger insekter med net, bestemmer dem og lærer om "
        "bestøvningens betydning for naturen og for fødevareproduktionen.",
        activities=(
            "Vi fanger insekter med net og bægerlup",
            "Eleverne bestemmer insekter og sorterer dem i grupper",
            "Vi besøger bistader med en biavler, når det er muligt",
            "Eleverne undersøger blomsternes bygning",
        ),
        grades=(DAGTILBUD, kl(0, 2), kl(2, 4), kl(4, 6)),
        themes=("insekter", "bier", "bestøvning", "biodiversitet", "natur"),
        subjects=("natur-teknologi", "biologi"),
        sdgs=(15, 2),
    ),
    Topic(
        tag="natur",
        titles=("Små naturforskere", "Ud i naturen med de mindste", "Naturens kredsløb for de mindste"),
        summary="Sanselige oplevelser i naturen, hvor de mindste undersøger blade, smådyr, vand og jord med lup "
        "og spand.",
        about="Små børn lærer med hele kroppen. Vi går på opdagelse i naturen, kigger på smådyr med lup, "
        "mærker bark og mos og taler om, hvad der sker med bladene, når de falder.",
        activities=(
            "Børnene finder smådyr under sten og blade",
            "Vi undersøger vand, jord og sand med alle sanser",
            "Vi leger naturlege og synger om årstiden",
            "Børnene samler naturmaterialer til et fælles kunstværk",
        ),
        grades=(DAGTILBUD, dag(0)),
        themes=("natur", "sanser", "årstider", "udeliv", "leg"),
        subjects=("natur-teknologi",),
        sdgs=(15, 4),
    ),
    Topic(
        tag="friluft",
        titles=(
            "Friluftsliv: shelter, kort og kompas",
            "Overnatning i shelter",
            "Orientering og friluftsliv",
        ),
        summary="Eleverne lærer friluftslivets grundfærdigheder: at bruge kort og kompas, slå lejr og tage "
        "ansvar for hinanden i naturen.",
        about="Friluftsliv styrker fællesskab og selvtillid. Eleverne lærer at læse kort, bruge kompas, slå "
        "presenning op og lave mad i lejren, og de tager selv ansvar for opgaverne i gruppen.",
        activities=(
            "Vi orienterer os med kort og kompas på en rute",
            "Eleverne slår presenning op og indretter lejren",
            "Vi laver mad på trangia og bål",
            "Eleverne evaluerer samarbejdet i gruppen",
        ),
        grades=(kl(3, 5), kl(5, 7), kl(7, 9)),
        themes=("friluftsliv", "orientering", "fællesskab", "natur"),
        subjects=("idraet", "natur-teknologi", "geografi"),
        sdgs=(3,),
    ),
    Topic(
        tag="science",
        titles=("Programmering med robotter", "Robotter på opgave", "Kod en robot"),
        summary="Eleverne programmerer små robotter til at løse opgaver og lærer om sekvenser, løkker og "
        "betingelser.",
        about="Robotter gør programmering konkret. Eleverne arbejder i par og programmerer robotter til at følge "
        "en bane, undgå forhindringer og løse små udfordringer, og de lærer grundbegreber som sekvens, løkke og "
        "betingelse.",
        activities=(
            "Eleverne programmerer robotten med blokke på en tablet",
            "Vi løser baneudfordringer med stigende sværhedsgrad",
            "Eleverne tester og fejlsøger deres programmer",
            "Vi taler om, hvor robotter bruges i samfundet",
        ),
        grades=(kl(0, 2), kl(2, 4), kl(4, 6), kl(7, 9), kl_ungdom(9)),
        themes=("programmering", "robotter", "teknologi", "computationel tankegang"),
        subjects=("teknologiforstaaelse", "matematik", "natur-teknologi"),
        gym_subjects=("informatik", "teknologi"),
        sdgs=(9, 4),
    ),
    Topic(
        tag="science",
        titles=("Elektricitet og kredsløb", "Strøm, lys og lyd", "Byg en elektrisk opfindelse"),
        summary="Eleverne bygger elektriske kredsløb med batterier, pærer, motorer og kontakter og tester deres "
        "egne hypoteser.",
        about="Hvordan kommer strømmen fra batteriet til pæren? Eleverne undersøger serie- og "
        "parallelforbindelser, ledere og isolatorer og bygger en lille opfindelse med lys, lyd eller bevægelse.",
        activities=(
            "Eleverne bygger kredsløb med pærer, motorer og kontakter",
            "Vi tester, hvilke materialer der leder strøm",
            "Vi måler spænding og strømstyrke",
            "Grupperne bygger en opfindelse med lys eller bevægelse",
        ),
        grades=(kl(2, 4), kl(4, 6), kl(7, 9)),
        themes=("elektricitet", "energi", "eksperimenter", "teknologi"),
        subjects=("natur-teknologi", "fysik-kemi", "teknologiforstaaelse"),
        sdgs=(7, 9),
    ),
    Topic(
        tag="science",
        titles=("Kemi i køkkenet", "Eksperimenter med hverdagens kemi", "Syrer, baser og farveskift"),
        summary="Eleverne laver sikre kemiske eksperimenter med ting fra køkkenet og lærer om syrer, baser og "
        "reaktioner.",
        about="Kemi er overalt i hverdagen. Med rødkålssaft, natron og eddike undersøger eleverne syrer og "
        "baser, og de laver eksperimenter, der skummer, skifter farve og bobler.",
        activities=(
            "Vi laver en pH-indikator af rødkål",
            "Eleverne undersøger reaktioner mellem syrer og baser",
            "Vi bager og taler om kemien bag hævning",
            "Eleverne formulerer hypoteser og skriver forsøgsrapporter",
        ),
        grades=(kl(3, 5), kl(7, 9), kl_ungdom(9)),
        themes=("kemi", "eksperimenter", "naturvidenskab", "mad"),
        subjects=("fysik-kemi", "natur-teknologi", "madkundskab"),
        gym_subjects=("kemi",),
    ),
    Topic(
        tag="rum",
        titles=(
            "Rummet og stjernerne",
            "Planetariet: rejsen gennem solsystemet",
            "Stjernehimlen i planetariet",
        ),
        summary="I planetariets kuppel rejser eleverne gennem solsystemet og lærer om planeter, stjerner og "
        "rumforskning.",
        about="Hvorfor har vi dag og nat, årstider og månefaser? I planetariet rejser klassen ud i solsystemet "
        "og videre til stjernerne, og en astronom svarer på elevernes spørgsmål om rummet.",
        activities=(
            "Klassen ser en forestilling i planetariets kuppel",
            "Vi finder stjernebilleder på nattehimlen",
            "Eleverne bygger en model af solsystemet i skala",
            "Vi undersøger meteoritter og billeder fra rumteleskoper",
        ),
        grades=(kl(0, 2), kl(2, 4), kl(4, 6), kl(7, 9), UNGDOM),
        themes=("rummet", "astronomi", "solsystemet", "stjerner"),
        subjects=("natur-teknologi", "fysik-kemi", "geografi"),
        gym_subjects=("fysik", "astronomi"),
    ),
    Topic(
        tag="energi",
        titles=("Vedvarende energi: vind og sol", "Byg en vindmølle", "Fremtidens energi"),
        summary="Eleverne bygger og tester små vindmøller og solceller og diskuterer, hvordan Danmark kan blive "
        "fossilfrit.",
        about="Vind og sol er centrale i den grønne omstilling. Eleverne undersøger, hvordan vindmøller og "
        "solceller omdanner energi, måler effekten af deres egne konstruktioner og diskuterer fremtidens "
        "energisystem.",
        activities=(
            "Grupperne bygger og tester vindmøllevinger",
            "Vi måler spændingen fra solceller i forskelligt lys",
            "Eleverne regner på energiforbruget i et hjem",
            "Vi diskuterer fordele og ulemper ved forskellige energikilder",
        ),
        grades=(kl(4, 6), kl(7, 9), kl_ungdom(9)),
        themes=("energi", "vindenergi", "solenergi", "grøn omstilling", "klima"),
        subjects=("fysik-kemi", "natur-teknologi", "geografi", "matematik"),
        gym_subjects=("fysik", "naturgeografi", "teknologi"),
        sdgs=(7, 13, 9),
    ),
    Topic(
        tag="science",
        titles=("Matematik med hænderne", "Matematik i hverdagen", "Geometri i byen"),
        summary="Praktisk matematik, hvor eleverne måler, vejer, regner og bygger og opdager matematikken i "
        "omgivelserne.",
        about="Matematik bliver konkret, når den bruges. Eleverne måler højder med skygger, regner på skalaer "
        "og bygger figurer, og de opdager, hvordan matematik bruges af håndværkere, ingeniører og kunstnere.",
        activities=(
            "Vi måler højden på bygninger og træer med enkle metoder",
            "Eleverne bygger geometriske figurer i stor skala",
            "Vi regner på skala, areal og rumfang",
            "Eleverne løser en matematisk mysteriejagt",
        ),
        grades=(kl(1, 3), kl(3, 5), kl(5, 7), kl(7, 9)),
        themes=("matematik", "geometri", "måling", "problemløsning"),
        subjects=("matematik", "natur-teknologi"),
        sdgs=(4,),
    ),
    Topic(
        tag="science",
        titles=("Lys, lyd og bølger", "Sansernes fysik"),
        summary="Eleverne undersøger lys og lyd med eksperimenter og lærer, hvordan øjne og ører opfatter "
        "bølger.",
        about="Hvorfor er himlen blå, og hvordan kan man se lyd? Eleverne eksperimenterer med prismer, spejle, "
        "stemmegafler og oscilloskoper og får indsigt i bølgers egenskaber.",
        activities=(
            "Vi splitter lys i regnbuens farver med prismer",
            "Eleverne måler lydens hastighed",
            "Vi ser lydbølger på et oscilloskop",
            "Eleverne bygger et simpelt camera obscura",
        ),
        grades=(kl(3, 5), kl(7, 9), kl_ungdom(9)),
        themes=("lys", "lyd", "bølger", "eksperimenter"),
        subjects=("fysik-kemi", "natur-teknologi", "musik"),
        gym_subjects=("fysik",),
    ),
    Topic(
        tag="science",
        titles=("Bioteknologi i laboratoriet", "DNA og gensplejsning", "Laboratoriedag: DNA-analyse"),
        summary="Eleverne arbejder i et rigtigt laboratorium med DNA-ekstraktion og gelelektroforese.",
        about="Bioteknologi bruges i medicin, fødevarer og kriminalteknik. Eleverne udfører selv "
        "laboratorieforsøg med DNA og diskuterer de etiske spørgsmål, som ny teknologi rejser.",
        activities=(
            "Eleverne ekstraherer DNA fra frugt",
            "Vi kører gelelektroforese og tolker resultaterne",
            "Vi opklarer en kriminalsag med DNA-profiler",
            "Eleverne diskuterer etik og gensplejsning",
        ),
        grades=(kl(8, 10), kl_ungdom(9), UNGDOM),
        themes=("bioteknologi", "DNA", "laboratorium", "naturvidenskab"),
        subjects=("biologi", "fysik-kemi"),
        gym_subjects=("bioteknologi", "biologi", "kemi"),
        sdgs=(3, 9),
    ),
    Topic(
        tag="energi",
        titles=("Klimaets fysik: drivhuseffekten", "Klimaforandringer – forstå mekanismerne"),
        summary="Eleverne undersøger drivhuseffekten med forsøg og klimadata og diskuterer løsninger på "
        "klimaforandringerne.",
        about="Klimaforandringerne bygger på fysik og kemi, som eleverne kan undersøge selv. Med forsøg og "
        "rigtige måledata arbejder klassen med drivhuseffekten, havstigninger og mulige løsninger.",
        activities=(
            "Vi laver forsøg med CO2 og temperatur",
            "Eleverne analyserer klimadata i regneark",
            "Vi undersøger havstigninger og lokale konsekvenser",
            "Eleverne debatterer klimaløsninger",
        ),
        grades=(kl(7, 9), kl_ungdom(9), UNGDOM),
        themes=("klima", "drivhuseffekt", "klimaforandringer", "data"),
        subjects=("fysik-kemi", "geografi", "biologi"),
        gym_subjects=("fysik", "naturgeografi", "kemi"),
        sdgs=(13, 7),
    ),
)

"""Word lists and phrase patterns per language: the knowledge of the coach, kept apart from its logic.

Patterns are regular-expression fragments matched case-insensitively on word boundaries. They were written
for wowdesk from the practices in docs/coaching.md (BALA, open and closed questions, word engineering).
"""

LANGUAGES = ("da", "nb", "en")

# Words that open an open question (after fillers such as "og", "so", "okay" are skipped).
QUESTION_WORDS = {
    # (Danish chat writes "hva" too: "hva er dit nummer")
    "da": ["hvad", "hva", "hvordan", "hvorfor", "hvornår", "hvem", "hvor", "hvilken", "hvilket", "hvilke", "hvorhen"],
    "nb": ["hva", "hvordan", "hvorfor", "når", "hvem", "hvor", "hvilken", "hvilket", "hvilke", "hvem sin"],
    "en": [
        "what",
        "what's",
        "how",
        "how's",
        "why",
        "when",
        "who",
        "who's",
        "where",
        "where's",
        "which",
        "whose",
        "whereabouts",
        # chat spelling
        "whats",
        "hows",
        "wheres",
        "whos",
    ],
}
# Requests that invite a free answer, so they count as open questions even when verb-first.
OPEN_PROMPTS = {
    "da": [
        r"fortæl",
        r"beskriv",
        r"forklar",
        r"(?:kan|kunne|vil|ville|gider|gad) du (?:lige )?(?:fortælle|beskrive|forklare)",
        r"må jeg høre",
        r"prøv at (?:beskrive|forklare|fortælle)",
        # more open prompts: "Sig mig...", "Kan du uddybe...?", "Giv mig et eksempel"
        r"sig mig",
        r"uddyb",
        r"(?:kan|vil) du (?:lige )?uddybe",
        r"(?:kan|vil) du (?:lige )?sige (?:lidt )?(?:mere|noget) om",
        r"giv mig et eksempel",
    ],
    "nb": [
        r"fortell",
        r"beskriv",
        r"forklar",
        r"(?:kan|kunne|vil|ville|gidder) du (?:fortelle|beskrive|forklare)",
        r"prøv å (?:beskrive|forklare|fortelle)",
        r"si meg",
        r"utdyp",
        r"(?:kan|vil) du (?:bare )?utdype",
        r"(?:kan|vil) du (?:si|fortelle) (?:litt )?(?:mer|noe) om",
        r"gi meg et eksempel",
    ],
    "en": [
        r"tell me",
        r"describe",
        r"explain",
        r"(?:walk|talk|take|run) me through",
        r"(?:can|could|would) you (?:please )?(?:tell me|describe|explain|walk me through)",
        r"(?:can|could|would) you (?:please )?(?:elaborate|say more|tell me more|give me an example)",
        r"give me an example",
        r"try to (?:describe|explain)",
        r"(?:please|kindly) (?:tell me|describe|explain|(?:walk|talk|take|run) me through)",
    ],
}
# An open prompt followed by one of these asks for a yes or no after all ("tell me if it works").
PROMPT_YES_NO = {
    "da": r"om (?:du|det|der|i|den|man|jeg|vi|de|han|hun|alt)|hvorvidt",
    "nb": r"om (?:du|det|der|dere|den|man|jeg|vi|de|han|hun|alt)|hvorvidt",
    "en": r"if|whether",
}
FILLERS = {
    "da": [
        "og",
        "så",
        "men",
        "okay",
        "ok",
        "nå",
        "altså",
        "godt",
        "super",
        "fint",
        "perfekt",
        "tak",
        "ja",
        "nej",
        "fedt",
        "jamen",
        "nåh",
    ],
    "nb": [
        "og",
        "så",
        "men",
        "okei",
        "ok",
        "nå",
        "altså",
        "greit",
        "supert",
        "flott",
        "takk",
        "ja",
        "nei",
        "fint",
        "bra",
    ],
    "en": [
        "and",
        "so",
        "but",
        "okay",
        "ok",
        "well",
        "right",
        "great",
        "thanks",
        "yes",
        "no",
        "alright",
        "sure",
        "perfect",
        "then",
    ],
}
# Clause openers after which the real question starts behind a comma ("Hvis du logger ind, hvad ser du?").
SUBORDINATE = {
    # ... and fronted phrases ("På en skala fra 0 til 10, hvor vigtigt er det?")
    "da": ["hvis", "når", "da", "efter", "før", "nu hvor", "inden", "mens", "på", "i", "med", "for", "ud over"],
    "nb": ["hvis", "når", "da", "etter", "før", "nå som", "mens", "på", "i", "med", "for", "utenom"],
    "en": ["if", "when", "after", "before", "now that", "while", "once", "on", "in", "for", "with", "besides"],
}
TAG_QUESTION = {
    "da": r",\s*(?:ikke|ikke sandt|ikke også|vel|eller hvad|eller|ikk|ik|ja|ikke rigtigt|korrekt)\s*\?$",
    "nb": r",\s*(?:ikke|ikke sant|sant|vel|eller hva|eller|ikkje|ja|ikke riktig|korrekt|stemmer det)\s*\?$",
    "en": r",\s*(?:right|correct|is that right|is that correct|yes|yeah|ok|okay|no|"
    r"(?:is|are|do|does|did|was|were|have|has|can|could|will|would|should|wo|ca)n't (?:it|you|they|he|she|we|there|i|that))"
    r"\s*\?$",
}

GREETING = {
    "da": [
        r"^(?:hej|hejsa|hallo|goddag|god dag|god morgen|godmorgen|god eftermiddag|godaften|god aften|kære|davs|dav|hey|hi)\b",
        r"(?:du (?:snakker|taler|skriver|chatter) med|mit navn er|velkommen til)",
        r"tak for (?:din|jeres) (?:henvendelse|mail|besked|e-mail)",
        r"tak fordi (?:du|i) (?:skriver|ringer|kontakter)",
    ],
    "nb": [
        r"^(?:hei|heisann|hallo|god morgen|god dag|goddag|god ettermiddag|god kveld|kjære|hey|hi|morn|morna)\b",
        r"(?:du (?:snakker|prater|skriver|chatter) med|mitt navn er|velkommen til)",
        r"takk for (?:henvendelsen|meldingen|e-posten|eposten|at du)",
        r"takk for at du tar kontakt",
    ],
    "en": [
        r"^(?:hi|hello|hey|hiya|dear|good (?:morning|afternoon|evening|day))\b",
        # the time of day alone greets when it stands alone or before a name ("Morning Priya,", "Morning."), not as
        # a modifier ("Morning appointments are...")
        r"^(?:morning|afternoon|evening)(?:[,.!]|$| [a-z]+[,.!])",
        r"(?:you(?:'re| are) (?:speaking|talking|chatting) (?:with|to)|my name is|welcome to|you've reached)",
        r"thanks? (?:you )?for (?:contacting|getting in touch|your (?:message|email|e-mail|inquiry|enquiry)|reaching out|writing)",
    ],
}
CLOSING = {
    "da": [
        r"er der (?:andet|mere|noget andet|noget mere|andre ting)",
        r"kan jeg hjælpe (?:dig |jer )?med (?:andet|mere|noget andet|noget mere)",
        r"har (?:du|i) (?:andre|flere) spørgsmål",
        r"(?:hav|have|ha)'? (?:\w+ ){0,2}?en (?:god|fortsat god|dejlig|rigtig god|fortsat rigtig god|super|fin|rigtig dejlig) \w+",
        r"godnat",
        r"var der ikke (?:mere|andet)",
        r"^(?:noget )?(?:andet|mere)\s*\?",
        r"^god (?:weekend|aften|eftermiddag|jul|sommer)\b",
        r"\bfarvel\b",
        r"^hej hej\b",
        r"var der (?:andet|mere|noget (?:andet|mere)|andre ting)",
        r"(?:kan|må) jeg hjælpe (?:dig |jer )?med (?:andet|mere|noget andet|noget mere|yderligere)",
        r"andet jeg kan (?:hjælpe|gøre)",
        r"noget (?:andet|mere),? (?:jeg|vi) kan (?:hjælpe|gøre)",
        r"ha(?:v|ve)? det (?:godt|fint)",
        r"ønsker (?:dig|jer) en (?:god|dejlig|rigtig god)",
        r"god bedring",
        # "Er det alt?", "Kan jeg gøre mere for dig?", "Tak for snakken", "Fortsat god weekend"
        r"(?:er|var) det (?:alt|det hele)\b(?! (?:du|i|der|som)\b)",
        r"kan jeg (?:gøre|hjælpe (?:dig |jer )?med) (?:mere|andet|noget andet|noget mere)",
        r"tak for (?:snakken|samtalen|i dag|en god snak|hjælpen i dag)",
        r"(?:fortsat|rigtig|dejlig) god (?:dag|weekend|aften|eftermiddag|ferie|jul|sommer|tur|rejse)",
        # the closing question put as a condition of an invitation: "Skriv endelig, hvis der er mere, jeg kan
        # hjælpe med", "Ring bare, hvis du har flere spørgsmål"
        # (the "more" ends the clause or a relative clause follows: "hvis der er mere støj" is about noise)
        r"(?:hvis|om) (?:der|det) (?:er|skulle være|bliver|dukker) (?:\w+ )?(?:andet|mere|noget andet|noget mere)"
        r"(?:\s+op)?(?=\s*(?:[,.!]|$|(?:jeg|vi|du)\b))",
        r"(?:hvis|om) (?:du|i) (?:har|får|skulle få) (?:andre|flere|yderligere) spørgsmål",
    ],
    "nb": [
        r"er det noe (?:mer|annet)",
        r"kan jeg hjelpe (?:deg |dere )?med noe (?:mer|annet)",
        r"har (?:du|dere) (?:andre|flere) spørsmål",
        r"ha(?:'| en)? (?:\w+ )?(?:fin|god|strålende|fortsatt fin|fortsatt god|riktig god|flott|fortsatt strålende|riktig fin) \w+",
        r"god ?natt",
        r"^(?:noe )?(?:mer|annet)\s*\?",
        r"var det (?:ikke )?(?:noe )?(?:mer|annet)",
        r"^god (?:helg|kveld|ettermiddag|jul|sommer)\b",
        r"\b(?:ha det|ha det bra|ha det godt|adjø|farvel)\b",
        r"^hei hei\b",
        r"var det (?:noe )?(?:mer|annet)",
        r"(?:kan|får) jeg hjelpe (?:deg |dere )?med (?:noe )?(?:mer|annet)",
        r"noe (?:mer|annet),? (?:jeg|vi) kan (?:hjelpe|gjøre)",
        r"annet jeg kan (?:hjelpe|gjøre)",
        r"ønsker (?:deg|dere) en (?:fin|god|riktig god)",
        r"god bedring",
        r"(?:er|var) det (?:alt|det hele)\b(?! (?:du|dere|der|som)\b)",
        r"kan jeg (?:gjøre|hjelpe (?:deg |dere )?med) (?:mer|annet|noe annet|noe mer)",
        r"takk for (?:praten|samtalen|i dag|en hyggelig prat)",
        r"(?:fortsatt|riktig) (?:god|fin) (?:dag|helg|kveld|ettermiddag|ferie|jul|sommer|tur|reise)",
        # the closing question put as a condition of an invitation: "Bare ta kontakt om det er noe mer"
        r"(?:hvis|om|dersom) (?:det|der) (?:er|skulle være|blir|dukker) (?:\w+ )?(?:noe )?(?:mer|annet)"
        r"(?:\s+opp)?(?=\s*(?:[,.!]|$|(?:jeg|vi|du)\b))",
        r"(?:hvis|om|dersom) (?:du|dere) (?:har|får|skulle få) (?:andre|flere|ytterligere) spørsmål",
    ],
    "en": [
        r"anything else",
        r"any other questions",
        r"something else (?:i|we) can",
        r"have a (?:\w+ )?(?:nice|good|great|lovely|wonderful|fantastic|brilliant|safe) \w+",
        r"good ?night",
        r"^anything else\s*\?",
        r"\b(?:goodbye|bye|take care|cheers for now)\b",
        # ("Is that all clear?" asks whether the solution is understood: "all" before an adjective is no pronoun)
        r"(?:is|was) (?:that|there) (?:everything|all)\b(?!\s+(?:clear|sorted|working|understood|"
        r"in order))|(?:was|is) there anything (?:else|more)\b",
        r"anything more (?:i|we) can\b|thanks for (?:chatting|calling|your time)\b|have a (?:good|great|nice|lovely) one\b",
        r"\b(?:speak soon|all the best)\b",
        r"(?:is there )?(?:something|anything) more (?:i|we) can",
        r"(?:can|could|may) i help (?:you )?with anything",
        r"enjoy (?:the|your) (?:rest of|day|weekend|evening)",
        r"if you have any (?:more|further|other) questions",
    ],
}
# A closed question that checks the solution worked.
SOLUTION_ACCEPT = {
    "da": [
        r"(?<!fra )(?<!fra og med )\bnu\W*\?$",
        r"\bdu har (?:nu )?(?:fået|modtaget)",
        r"\ber (?:det|alt|den) (?:ok|okay|i orden|på plads|kommet|rigtigt nu)",
        r"\ber (?:den|de|mailen|pengene|pakken|sms'en) kommet",
        r"\bgik det (?:igennem|godt)",
        r"\blykkedes det",
        r"fungerer (?:det|den)",
        r"hjalp det",
        r"løste det",
        r"er vi i mål",
        r"kan du (?:nu |så )?(?:logge|komme|se|finde|åbne|bruge|betale|downloade)",
        r"er du (?:kommet )?(?:ind|inde)",
        r"har du fået",
        r"kom du ind",
        r"passer det",
        r"giver det mening",
        r"er (?:det|problemet) løst",
        r"ser det rigtigt ud",
        r"kan du se (?:den|det|kreditnotaen|pakken)",
    ],
    "nb": [
        r"(?<!fra )\bnå\W*\?$",
        r"\bdu har (?:nå )?(?:fått|mottatt)",
        r"\ber (?:det|alt|den) (?:ok|greit|i orden|på plass|kommet|riktig nå)",
        r"\bhar (?:den|de|e-posten|pengene|pakken|sms-en) kommet",
        r"\bgikk det (?:gjennom|bra)",
        r"\blyktes det",
        r"virker (?:det|den)",
        r"hjalp det",
        r"løste det",
        r"er vi i mål",
        r"kommer du inn",
        r"kan du (?:nå )?(?:logge|komme|se|finne|åpne|bruke)",
        r"har du fått",
        r"fikk du",
        r"passer det",
        r"stemmer (?:det|tallene)",
        r"er (?:det|problemet) løst",
        r"ser det riktig ut",
    ],
    "en": [
        r"(?<!from )\bnow\W*\?$",
        r"\byou(?:'ve| have) (?:now )?(?:got|received)",
        r"\b(?:work|suit)s? (?:for )?you\b",
        r"\b(?:did|have) (?:it|they|the \w+) (?:arrived|come through|gone through|arrive|come)",
        r"\bis (?:it|that|everything) (?:there|showing|ok|okay|all right|alright|better|good)",
        r"does (?:it|that|this) (?:work|help|look)",
        r"did (?:it|that|this) (?:work|help|fix|solve|sort)",
        r"is (?:it|that|everything) (?:working|ok|okay|fixed|sorted)",
        r"are you able to",
        r"are you (?:in|back in)",
        r"can you (?:now )?(?:log|see|access|open|find|use)",
        r"(?:has|have) (?:that|this|it) (?:solved|fixed|helped|sorted)",
        r"did you (?:get|receive|manage)",
        r"does that (?:suit|work for) you",
        r"are we there",
        r"is that (?:better|sorted)",
        r"did the .{1,40} work",
    ],
}
# A closed question that confirms the need was understood ("So you cannot get past the activation step?").
NEED_ACCEPT = {
    "da": [
        r"^så\s+(?!(?:hvad|hvordan|hvorfor|hvornår|hvem|hvor|kan du prøve)\b)\w+",
        r"^altså\b",
        r"hvis jeg forstår (?:dig|jer|det) (?:ret|rigtigt)",
        r"har jeg forstået (?:det |dig )?(?:ret|rigtigt)",
        r"forstår jeg (?:det|dig) (?:ret|rigtigt)",
        r"er det (?:rigtigt|korrekt) (?:forstået|at)",
        r"(?:er det rigtigt|er det korrekt|stemmer det)\s*\?$",
        r"for at være (?:helt )?sikker",
        r"bare for at være sikker",
    ],
    "nb": [
        r"^så\s+(?!(?:hva|hvordan|hvorfor|når|hvem|hvor|kan du prøve)\b)\w+",
        r"^altså\b",
        r"hvis jeg forstår (?:deg|dere|det) riktig",
        r"har jeg forstått (?:det |deg )?riktig",
        r"forstår jeg (?:det|deg) riktig",
        r"er det riktig (?:forstått|at)",
        r"(?:er det riktig|stemmer det)\s*\?$",
        r"for å være (?:helt )?sikker",
    ],
    "en": [
        r"^so (?:you|the|your|it|that|there|we|invoice|this)\b",
        r"if i understand (?:you |this )?(?:correctly|right)",
        r"have i understood (?:you |this )?(?:correctly|right)",
        r"just to (?:confirm|be sure|check)",
        r"(?:is that|is this) (?:right|correct)\s*\?$",
        r"to make sure i understand",
    ],
}
# Phrases that present a solution. Imperatives at the start of a sentence are listed separately.
SOLUTION = {
    "da": [
        r"det (?:du|i) (?:skal )?gør(?:e)? er",
        r"måden (?:du|i|man) (?:\w+ )?gør det på",
        r"sådan gør (?:du|i)",
        r"det gør (?:du|i) ved at",
        r"\b(?=\w{2,}er (?:du|i)\b)(?!(?:hedder|mener|synes|tror|ved|har|er|var|kan|skal|vil|må|gør|ser)\b)\w{2,}er (?:du|i)\b(?! ikke)",
        r"\b(?:så|nu|der|her|dér|bagefter|derefter|herefter|til sidst|først|derfra) (?:kan|skal|må|vil|får|finder|ser|er) (?:du|i)\b",
        r"(?:du|i) (?:kan|skal|må) (?:nu |bare |så |også |derefter |herefter )?(?:\w+e)\b",
        r"løsningen er",
        r"det skyldes",
        r"det er fordi",
        r"(?:jeg|vi) har (?:nu |lige |allerede |samtidig |netop )?(?:\w+(?:et|t))\b",
        r"(?:du|i) (?:vil|skal) (?:få|modtage|have|kunne|se)",
        r"du får\b",
        r"(?:pengene|pakken|varen|beløbet|den nye) (?:står|er|kommer)\b",
        r"(?:er|bliver|blev) (?:nu )?(?:rettet|løst|ordnet|krediteret|sendt|nulstillet|opdateret|låst op)",
        r"(?:du|i) kan (?:nu |godt |bare |også |sagtens )?(?:logge|bruge|gå|trykke|finde|se|vælge|prøve|skifte|downloade|eksportere)",
        r"(?:jeg|vi) sender",
        r"så er .{1,40} den rigtige",
        r"det er en kendt fejl",
        r"du skal (?:bare )?\w+",
    ],
    "nb": [
        r"det (?:du|dere) (?:skal )?gjør(?:e)? er",
        r"måten (?:du|dere|man) (?:\w+ )?gjør det på",
        r"slik gjør (?:du|dere)",
        r"det gjør (?:du|dere) ved å",
        r"\b(?=\w{2,}er (?:du|dere)\b)(?!(?:heter|mener|synes|tror|vet|har|er|var|kan|skal|vil|må|gjør|ser)\b)\w{2,}er (?:du|dere)\b(?! ikke)",
        r"\b(?:så|nå|der|her|deretter|etterpå|til slutt|først|derfra) (?:kan|skal|må|vil|får|finner|ser|er) (?:du|dere)\b",
        r"(?:du|dere) (?:kan|skal|må) (?:nå |bare |så |også |deretter )?(?:\w+e)\b",
        r"gjør slik",
        r"løsningen er",
        r"det skyldes",
        r"det er fordi",
        r"(?:jeg|vi) har (?:nå |akkurat |allerede |samtidig )?(?:\w+(?:et|t|d))\b",
        r"(?:du|dere) (?:vil|skal|kommer til å) (?:få|motta|ha|kunne|se)",
        r"du får\b",
        r"(?:er|blir) (?:nå )?(?:rettet|løst|fikset|ordnet|kreditert|sendt)",
        r"(?:du|dere) kan (?:nå |bare |også |fint )?(?:logge|bruke|gå|trykke|finne|se|velge|prøve|bytte|laste|eksportere|gjøre)",
        r"(?:jeg|vi) sender",
        r"da sender (?:jeg|vi)",
        r"det er en kjent feil",
        r"du må (?:bare )?\w+",
    ],
    "en": [
        r"what you (?:need to )?do is",
        r"all you (?:need to|have to) do is",
        r"the (?:solution|fix|answer) is",
        r"(?:this|it|that)(?:'s| is) because",
        r"the reason is",
        r"(?:i|we)(?:'ve| have) (?:now |just |already |also )?(?:\w+ed|sent|set|reset|made|put|done|given|paused|reissued)\b",
        r"you(?:'ll| will) (?:get|receive|see|have|be able)",
        r"(?:'s|is|are|was|has been|have been) (?:now )?(?:fixed|resolved|sorted|solved|corrected|updated|refunded|credited|unlocked)",
        r"you can (?:now |also |just )?(?:log|use|go|click|find|see|choose|try|switch|download|export)",
        r"(?:i|we)(?:'ll| will) send",
        r"(?:i|we) will send",
        r"is better than",
        r"this is a known (?:issue|bug)",
        r"exports? over .{1,30} time out",
        r"you (?:just )?need to \w+",
    ],
}
# Imperatives that open a solution sentence ("Tryk på...", "Press...").
IMPERATIVES = {
    "da": [
        "tryk",
        "klik",
        "vælg",
        "gå",
        "åbn",
        "opdater",
        "log",
        "skriv",
        "send",
        "indtast",
        "genstart",
        "slet",
        "installer",
        "hent",
        "brug",
        "find",
        "følg",
        "husk",
        "kontroller",
        "tjek",
        "sæt",
        "skift",
        "nulstil",
        "ring",
        "download",
        "luk",
        "start",
        "marker",
        "udfyld",
        "scan",
        "prøv",
        "vent",
        "kig",
        "se",
        "fjern",
    ],
    "nb": [
        "trykk",
        "klikk",
        "velg",
        "gå",
        "åpne",
        "oppdater",
        "logg",
        "skriv",
        "send",
        "fyll",
        "start",
        "slett",
        "installer",
        "last",
        "bruk",
        "finn",
        "følg",
        "husk",
        "sjekk",
        "sett",
        "bytt",
        "tilbakestill",
        "ring",
        "lukk",
        "merk",
        "skann",
        "prøv",
        "vent",
        "se",
        "fjern",
    ],
    "en": [
        "press",
        "click",
        "drop",
        "leave",
        "bring",
        "pop",
        "take",
        "put",
        "keep",
        "please",
        "choose",
        "go",
        "open",
        "update",
        "log",
        "type",
        "send",
        "enter",
        "restart",
        "delete",
        "install",
        "download",
        "use",
        "find",
        "follow",
        "check",
        "set",
        "switch",
        "reset",
        "select",
        "tap",
        "call",
        "scan",
        "close",
        "try",
        "wait",
        "look",
        "remove",
        "sign",
    ],
}
# Suggestions phrased as questions still present a solution ("Kan du prøve at genstarte?").
SUGGESTION = {
    "da": [r"(?:kan|vil) du (?:ikke )?(?:måske |lige )?prøve", r"du kan (?:måske |evt\. |eventuelt )?prøve"],
    "nb": [r"(?:kan|vil) du (?:ikke )?(?:kanskje )?prøve", r"du kan (?:kanskje )?prøve"],
    "en": [
        r"(?:can|could|would) you (?:maybe |perhaps )?try",
        r"you (?:could|can|might) (?:maybe |perhaps )?try",
        r"(?:maybe|perhaps) try",
    ],
}

WEAK_WORDS = {
    # word pattern -> a stronger alternative, shown in the advice
    "da": {
        r"prøv(?:e|er|ede|et|es|ende)?": "gør / jeg gør det nu",
        r"tro(?:r|ede|et)": "jeg ved / det er",
        r"måske": "sig det, du ved",
        r"hvis nu": "når",
        r"muligvis": "sig det, du ved",
        r"formentlig": "sig det, du ved",
    },
    "nb": {
        r"prøv(?:e|er|de|d|es)?": "gjør / jeg gjør det nå",
        r"tro(?:r|dde|dd)": "jeg vet / det er",
        r"kanskje": "si det du vet",
        r"hvis nå": "når",
        r"muligens": "si det du vet",
        r"antakelig": "si det du vet",
    },
    "en": {
        r"(?:try|tries|tried|trying)": "do / I will do it now",
        r"(?:think|thinks|thought)": "I know / it is",
        r"maybe": "say what you know",
        r"perhaps": "say what you know",
        r"possibly": "say what you know",
        r"might": "will",
    },
}
STRONG_WORDS = {
    "da": [r"skal", r"gør", r"vil", r"tryk", r"sørger for", r"ordner"],
    "nb": [r"skal", r"gjør", r"vil", r"trykk", r"sørger for", r"ordner"],
    "en": [r"will", r"do", r"press", r"make sure", r"(?:i|we)'ll"],
}
BUT_OPENER = {"da": r"men", "nb": r"men", "en": r"but|however"}
RISKY_AGREEMENT = {
    "da": [
        r"det kan jeg (?:godt |sagtens |fuldt ud |rigtig godt )?forstå",
        r"jeg forstår (?:dig |jer )?(?:godt|fuldstændig|helt|udmærket)",
        r"det forstår jeg(?: godt| fuldt ud| udmærket| så godt)?(?=\s*[.,!;]|\s*$)",
        r"(?:(?:da|så|der) )?har (?:du|i) (?:helt |jo |faktisk |fuldstændig )?ret(?![\w])(?! til)",
        r"(?<!\?)(?<!om )\bdu har (?:helt |jo |fuldstændig |faktisk )?ret(?![\w])(?! til)",
        r"jeg er (?:helt |fuldstændig )?enig",
    ],
    "nb": [
        r"det kan jeg (?:godt )?forstå",
        r"jeg forstår (?:deg |dere )?(?:godt|helt)",
        r"det skjønner jeg(?: godt)?",
        r"jeg skjønner (?:deg |det )?godt",
        r"det forstår jeg(?: godt)?(?=\s*[.,!;]|\s*$)",
        r"(?:(?:da|så|der) )?har (?:du|dere) (?:helt |jo |faktisk )?rett(?![\w])(?! til)",
        r"(?<!om )\bdu har (?:helt |jo |faktisk )?rett(?![\w])(?! til)",
        r"jeg er (?:helt )?enig",
    ],
    "en": [
        r"(?<!do )(?<!if )\bi (?:completely |totally |fully )?understand(?! what| how| why| if| whether| you correctly| correctly| you right| that right)",
        r"i can understand that",
        r"you(?:'re| are) (?:absolutely |completely |totally |quite )?right",
        r"i (?:completely |totally |fully )?agree",
    ],
}
PRESUMPTIVE = {
    # "Har du prøvet at genstarte?": a question that presumes what the customer did, named by the troubleshooting
    # step (a noun that ends like a participle, "Har du bindingstid?", "Har du kortet?", presumes nothing)
    "da": [
        r"^har (?:du|i) (?:(?:også|allerede|selv|lige|evt\.?|nogensinde|måske|først) )?(?:prøvet|forsøgt|genstartet|tjekket|"
        r"husket|slettet|opdateret|tastet|indtastet|slukket|tændt|installeret|geninstalleret|nulstillet|ryddet|logget|"
        r"trykket|kontrolleret|skiftet|ændret|klikket|fjernet|aktiveret|deaktiveret|testet|genindlæst|tømt|trukket stikket|skrevet|spurgt|lagt|sat)\b",
        r"\beller\b(?!\s*(?:hvad|ej|ikke|hvordan)\s*\?)",
        # the same steps asked in the past, verb first ("Genstartede du routeren?", "Prøvede du at logge ud?")
        r"^(?:prøvede|forsøgte|genstartede|tjekkede|huskede|slettede|opdaterede|nulstillede|geninstallerede|"
        r"slukkede|loggede) (?:du|i)\b",
        # session 10: any step the customer is asked whether they did, by its past participle ("Har du læst
        # vejledningen?", "Har du udfyldt formularen?"), not what they received, found or have, and not a fact
        # placed in time ("Har du købt den inden for de sidste 14 dage?", "Har du handlet her i dag?")
        r"^har (?:du|i) (?:(?:også|allerede|selv|lige|evt\.?|nogensinde|måske|først) )?(?!(?:fået|fundet|set|hørt|"
        r"modtaget|haft|været|mærket|brug|det|et|nogen|noget|adgang|styr|ret|lyst|tid|råd|mulighed|kort|abonnement|"
        r"internet|fast|stadig|fortsat|allerede)\b)[a-zæøå]{3,}(?:et|t)(?= (?!(?:min|mit|mine|din|dit|dine|vores|jeres|"
        r"hans|hendes|med|klar|liggende|ved hånden)\b)\w)(?!.*\b(?:nylig|for nylig|i dag|i går|i morges|siden|sidste|"
        r"seneste|inden for|denne uge|i år|i weekenden|under \d+)\b)",
    ],
    "nb": [
        r"^har (?:du|dere) (?:(?:også|allerede|selv|bare|evt\.?|noen gang|kanskje|først) )?(?:prøvd|forsøkt|startet|restartet|"
        r"sjekket|husket|slettet|oppdatert|tastet|skrudd|slått|installert|reinstallert|nullstilt|tømt|logget|trykket|"
        r"kontrollert|byttet|endret|klikket|fjernet|aktivert|deaktivert|testet|lastet inn|trukket ut|skrevet|spurt|lagt|satt)\b",
        r"\beller\b(?!\s*(?:hva|ikke|hvordan)\s*\?)",
        # the radical past participle ("Har du sjekka spam?", "restarta") and the steps asked in the past, verb
        # first ("Startet du ruteren på nytt?", "Prøvde du å logge ut?")
        r"^har (?:du|dere) (?:(?:også|allerede|bare|kanskje|først) )?(?:sjekka|bytta|starta|restarta|logga|prøvd|tømt)\b",
        r"^(?:prøvde|forsøkte|restartet|sjekket|sjekka|husket|slettet|oppdaterte|nullstilte|reinstallerte|logget) "
        r"(?:du|dere)\b",
        # session 10 (as in Danish): any step asked about by its past participle, not what was received or found,
        # not a fact placed in time
        r"^har (?:du|dere) (?:(?:også|allerede|selv|bare|evt\.?|noen gang|kanskje|først) )?(?!(?:fått|funnet|sett|hørt|"
        r"mottatt|hatt|vært|merket|behov|det|et|noen|noe|tilgang|kontroll|rett|lyst|tid|råd|mulighet|anledning|kort|"
        r"abonnement|internett|fast|fortsatt|allerede)\b)[a-zæøå]{3,}(?:et|t|a)(?= (?!(?:min|mitt|mine|din|ditt|dine|"
        r"vår|vårt|våre|deres|hans|hennes|med|klar|liggende|for hånden)\b)\w)(?!.*\b(?:nylig|i dag|i går|"
        r"i morges|siden|siste|innen|denne uka|denne uken|i år|i helgen|under \d+)\b)",
    ],
    "en": [
        r"^(?:have|did) you (?:(?:also|already|ever|maybe|first|just) )?(?:tried|try|restarted|restart|rebooted|reboot|checked|"
        r"check|cleared|clear|updated|update|turned|turn|reset|reinstalled|reinstall|installed|logged|log|clicked|"
        r"pressed|deleted|removed|changed|unplugged|plugged|switched|tested|refreshed|cancelled|canceled|cancel|put|set|asked|entered|typed)\b",
        r"\bor\b(?!\s*not\s*\?)(?!\s*(?:what|how|so)\b)",
        # a step the customer was to remember ("Did you remember to...?", "Have you made sure...?")
        r"^(?:have|did) you (?:(?:also|already|maybe|first) )?(?:remember(?:ed)? to|made sure|make sure|had a look|look)\b",
        # session 10 (as in Danish): any step asked about by its past participle ("Have you read the guide?",
        # "Have you filled in the form?"), not what was received or found, not a fact placed in time
        r"^have you (?:(?:also|already|ever|maybe|first|just) )?(?!(?:got|gotten|received|had|seen|heard|found|been|"
        r"noticed|kept|still|needed|wanted)\b)(?:[a-z]{3,}ed|done|taken|put|sent|read|made|given|written|run|set|"
        r"brought|paid)\b(?!.*\b(?:recently|today|yesterday|last|since|this (?:week|month|year)|ago)\b)",
    ],
}
# A yes/no question that says what it presumes: the Danish and Norwegian modal particle "vel" after the verb
# ("Du har vel gemt kvitteringen?", "Det er vel wifi'en, I sidder på?", "Du har vel fått brevet?"), English
# "surely", "I take it", "I assume" ("I take it you've restarted it?"). Read in every form of a closed question,
# also a statement with "?", where the other presumptive patterns are not.
PRESUMED = {
    "da": r"^(?:du|i|det|den|der|de) \w+ (?:\w+ )?vel\b",
    "nb": r"^(?:du|dere|det|den|der|de) \w+ (?:\w+ )?vel\b",
    "en": r"^(?:surely|presumably|i (?:take it|assume|presume|suppose))\b",
}
PRESUMPTIVE_STATEMENT = {
    "da": [r"det,? (?:der|som),? (?:tit|ofte|normalt|typisk|som regel|plejer at) (?:sker|ske)", r"det plejer at være"],
    "nb": [r"det,? som,? (?:ofte|vanligvis|normalt|typisk|pleier å) (?:skjer|skje)", r"det pleier å være"],
    "en": [r"what (?:usually|normally|typically|often) happens is", r"it(?:'s| is) usually"],
}
RULE_PHRASES = {
    "da": [
        r"det må jeg (?:desværre )?ikke(?: \w+)*",
        r"det (?:kan|må) (?:jeg|vi) (?:desværre )?ikke (?:\w+ ){0,3}?(?:tage stilling til|ændre på|ændre|gøre noget ved|gøre for dig|gøre|hjælpe med|oplyse|forlænge|tilbyde|refundere)",
        r"det kan ikke jeg (?:\w+ ){0,2}?\w+",
        r"(?:jeg|vi) (?:kan|må) (?:desværre )?ikke (?:oplyse|ændre|udlevere|tage stilling|refundere|give dig|hjælpe dig med)(?: \w+){0,4}",
        r"(?:det|det her|det der) er (?:desværre )?ikke noget,? (?:jeg|vi) (?:kan|må|har lov til)(?: \w+){0,4}",
        r"(?:du|i) (?:skal|må) (?:\w+ )?(?:snakke|tale|ringe|skrive|henvende dig|henvende jer|tage det|kontakte)(?: \w+){0,2}? (?:med|til) (?!os\b|mig\b)(?:en anden afdeling|\w+)(?: \w+){0,3}",
        r"(?:du|i) (?:skal|må) (?:kontakte|ringe til|skrive til) (?!os\b|mig\b)\w+(?: \w+){0,3}",
        r"skal du (?:snakke|tale|tage det|ringe) (?:med|til) (?!os\b|mig\b)\w+(?: \w+){0,2}",
        r"det må (?:du|i) (?:tage|tale|snakke) (?:op )?med \w+(?: \w+){0,2}",
        r"det er ikke (?:min afdeling|mit bord|vores bord|mit område|mit ansvar|noget vi)",
        r"det er (?:vores|firmaets|vores faste|koncernens) (?:politik|regler|procedure)",
        r"det er ikke noget, jeg kan gøre noget ved",
        r"det har (?:jeg|vi) ikke lov til(?: \w+){0,3}",
        r"(?:jeg|vi) har ikke lov til(?: \w+){0,4}",
        r"reglerne siger(?:,? at)?(?: \w+){0,6}",
        r"ifølge (?:reglerne|vores regler|politikken|betingelserne)(?: \w+){0,4}",
        r"(?:det|sådan) er reglerne(?: \w+){0,4}",
        r"det er \w+(?:s|ets|ens) regler",
        r"det står i (?:vores |jeres )?\w*(?:betingelser|vilkår|vilkårene|betingelserne)",
        r"det er (?!(?:du|dig|i|jer)\b)\w+(?: \w+)?,? (?:der|som) (?:bestemmer|styrer|behandler|tager sig af)(?: \w+){0,2}",
        r"(?:jeg|vi) har ikke adgang til(?: \w+){0,3}",
        r"det er (?:en )?anden afdeling",
        # rules and ego worded otherwise: "Det er ikke tilladt", "Vores politik er...", "Det står i kontrakten"
        r"det (?:er|var) (?:desværre )?ikke (?:tilladt|muligt for (?:mig|os)|noget,? vi gør)(?: \w+){0,3}",
        r"(?:vores|firmaets) (?:politik|regler|procedure) (?:er|siger)(?:,? at)?(?: \w+){0,5}",
        r"sådan er (?:systemet|proceduren|politikken)(?: \w+){0,3}",
        r"det står (?:\w+ )?i (?:kontrakten|aftalen|betingelserne|vilkårene|reglerne|handelsbetingelserne)",
        r"det hører (?:desværre )?ikke under (?:os|mig|vores afdeling|min afdeling)",
        r"det ligger uden for (?:mit|vores) (?:område|ansvar)",
        r"jeg har ikke (?:mulighed for|beføjelse til)(?: \w+){0,3}",
        r"det er (?:ikke )?(?:mig|os),? der (?:bestemmer|afgør)(?: \w+){0,3}",
        r"(?:vi|jeg) (?:laver|kan ikke lave|må ikke lave) (?:ikke )?(?:en )?undtagelser?",
        # a rule cited by where it stands, or the decision put on someone else ("ikke muligt efter reglerne",
        # "Det er ikke op til mig", "Det er kun ledelsen, der kan godkende det")
        r"ikke (?:\w+ ){0,2}efter (?:vores )?(?:reglerne|betingelserne|vilkårene|politikken)",
        r"(?:ifølge|i henhold til|imod|mod) (?:vores |jeres |de |firmaets )?(?:\w+ )?(?:regler|reglerne|betingelser|"
        r"betingelserne|vilkår|vilkårene|handelsbetingelser|handelsbetingelserne|politik|retningslinjer|retningslinjerne)",
        r"(?:reglerne|betingelserne|vilkårene|proceduren) er (?:desværre )?(?:sådan|klare|ufravigelige)",
        r"det er (?:desværre )?(?:ikke )?op til (?:mig|os)",
        r"det har (?:jeg|vi) (?:desværre )?(?:ingen|ikke) (?:indflydelse på|mulighed for)",
        r"(?:jeg|vi) kan (?:desværre )?ikke (?:gøre|lave|give) (?:en |nogen )?undtagelser?",
        r"det er kun \w+(?: \w+)?,? (?:der|som) kan(?: \w+){0,2}",
        r"(?:jeg|vi) følger (?:bare |blot |kun )?(?:reglerne|retningslinjerne|proceduren|procedurerne)",
        r"det er ikke (?:vores|mit|min) (?:ansvar|skyld|problem)",
        r"det ligger uden for (?:min|mit|vores) (?:kontrol|hænder)",
        r"det må (?:du|i) (?:selv )?henvende (?:dig|jer) (?:til \w+(?: \w+)? )?(?:om|med)",
        r"(?:du|i) må (?:selv )?henvende (?:dig|jer) til (?!os\b|mig\b)\w+(?: \w+){0,2}",
    ],
    "nb": [
        r"det (?:har|får) (?:jeg|vi) (?:dessverre )?ikke lov(?: til)?(?: \w+){0,4}",
        r"(?:jeg|vi) har (?:dessverre )?ikke lov til(?: \w+){0,4}",
        r"det (?:kan|må) (?:jeg|vi) (?:dessverre )?ikke (?:\w+ ){0,3}?(?:ta stilling til|endre på|endre|gjøre noe med|gjøre for deg|gjøre|hjelpe med|oppgi|forlenge|tilby|refundere|oppheve)(?: \w+){0,3}",
        r"det kan ikke jeg (?:\w+ ){0,2}?\w+",
        r"det er ikke noe (?:jeg|vi) (?:kan|har lov til)(?: \w+){0,5}",
        r"(?:\w+ )?er ikke noe vi (?:\w+ ){0,3}?kan ta stilling til",
        r"(?:du|dere) (?:må|skal) (?:\w+ )?(?:snakke|prate|ringe|skrive|henvende deg|ta det|kontakte)(?: \w+){0,2}? (?:med|til) (?!oss\b|meg\b)\w+(?: \w+){0,3}",
        r"det må (?:du|dere) ta (?:opp )?med \w+(?: \w+){0,2}",
        r"det er ikke (?:min avdeling|mitt bord|vårt bord|mitt område|mitt ansvar)",
        r"det er (?:en )?annen avdeling",
        r"det er (?:vår|firmaets) (?:policy|politikk|regel|regler)",
        r"det må jeg (?:dessverre )?ikke(?: \w+){0,2}",
        r"reglene sier(?: at)?(?: \w+){0,6}",
        r"ifølge (?:reglene|våre regler|vilkårene)(?: \w+){0,4}",
        r"det er reglene(?: \w+){0,4}",
        r"det er regelen(?: hos oss)?",
        r"det er \w+(?:s|ets|ens) regler",
        r"det står i (?:våre |vår )?\w*(?:vilkår|vilkårene|betingelser|kjøpsvilkårene)",
        r"\w+ (?:er ikke mulig|refunderes ikke|dekkes ikke),? det står i(?: \w+){1,3}",
        r"det er (?!(?:du|deg|dere)\b)\w+(?: \w+)?,? (?:som|der) (?:bestemmer|styrer|behandler)(?: \w+){0,2}",
        r"(?:jeg|vi)(?: i \w+)? har ikke tilgang til(?: \w+){0,3}",
        r"\w+ må gjøres i \w+,? det er regelen(?: hos oss)?",
        r"det er (?:dessverre )?ikke (?:tillatt|mulig for (?:meg|oss)|noe vi gjør)(?: \w+){0,3}",
        r"(?:vår|firmaets) (?:policy|politikk|regler|prosedyre) (?:er|sier)(?: at)?(?: \w+){0,5}",
        r"sånn er (?:reglene|systemet|prosedyren)(?: \w+){0,3}",
        r"det står (?:\w+ )?i (?:kontrakten|avtalen|vilkårene|betingelsene|reglene|kjøpsvilkårene)",
        r"det hører (?:dessverre )?ikke (?:inn )?under (?:oss|meg|vår avdeling)",
        r"det er ikke (?:vårt|mitt) ansvar",
        r"jeg har ikke (?:mulighet til|myndighet til|fullmakt til)(?: \w+){0,3}",
        r"det er ikke (?:meg|oss) som (?:bestemmer|avgjør)(?: \w+){0,3}",
        r"(?:vi|jeg) (?:gjør|lager|kan ikke gjøre|kan ikke lage) (?:ikke )?unntak",
        r"ikke (?:\w+ ){0,2}etter (?:våre )?(?:reglene|vilkårene|betingelsene)",
        r"(?:ifølge|i henhold til|mot) (?:våre |vår |deres |firmaets )?(?:\w+ )?(?:regler|reglene|vilkår|vilkårene|"
        r"betingelser|betingelsene|kjøpsvilkår|kjøpsvilkårene|policy|retningslinjer|retningslinjene)",
        r"(?:reglene|vilkårene|betingelsene|prosedyren) er (?:dessverre )?(?:sånn|slik|klare)",
        r"det er (?:dessverre )?(?:ikke )?opp til (?:meg|oss)",
        r"det har (?:jeg|vi) (?:dessverre )?(?:ingen|ikke) (?:innflytelse på|påvirkning på|mulighet til)",
        r"(?:jeg|vi) kan (?:dessverre )?ikke (?:gjøre|lage|gi) (?:et |noe )?unntak",
        r"det er bare \w+(?: \w+)?,? (?:som|der) kan(?: \w+){0,2}",
        r"(?:jeg|vi) følger (?:bare |kun )?(?:reglene|retningslinjene|prosedyren|rutinene)",
        r"det er ikke (?:vår|min) (?:feil|skyld)|det er ikke (?:vårt|mitt) problem",
        r"det ligger utenfor (?:min|vår) kontroll",
        r"(?:du|dere) må (?:selv )?henvende (?:deg|dere) til (?!oss\b|meg\b)\w+(?: \w+){0,2}",
    ],
    "en": [
        r"i(?:'m| am) (?:not allowed|not able to decide|not permitted|not authori[sz]ed)(?: to)?(?: \w+){0,4}",
        r"(?:we|i) (?:are|am|'re|'m) not allowed(?: to)?(?: \w+){0,4}",
        r"that(?:'s| is) not (?:my department|my job|up to me|my area|something (?:i|we)(?: \w+){0,3})",
        r"(?:you(?:'ll| will)?|you) (?:have|need) to (?:talk|speak|contact|call|email|write) (?:to )?(?!us\b|me\b)(?:another department|a different department|\w+)(?: \w+){0,3}",
        r"you(?:'ll| will) need to (?:contact|call|email|speak to|talk to) (?!us\b|me\b)\w+(?: \w+){0,3}",
        r"(?:it's|it is|that's|that is) (?:our |company |the company's )?policy",
        r"company policy(?: is| says)?(?: that)?(?: \w+){0,5}",
        r"(?:our|the) (?:policy|rules?) (?:is|are|says?)(?: that)?(?: \w+){0,5}",
        r"that(?:'s| is) not something i(?:'m| am) allowed",
        r"we can(?:'t|not) (?:really )?(?:do anything about|refund|change|give out|discuss|accept)(?: \w+){0,4}",
        r"i can(?:'t|not) (?:change|refund|override|give out|discuss)(?: \w+){0,3}",
        r"(?:that's|it's) (?:the|their) \w+(?:'s)? (?:rules|policy)",
        r"the rules (?:say|are)(?: that)?(?: \w+){0,5}",
        r"i don't have access to(?: \w+){0,3}",
        r"(?:it's|that's|it is|that is) (?:against|not in line with) (?:our |company |the )?(?:policy|rules)",
        r"(?:we|i) (?:don't|do not|can't|cannot) make (?:an )?exceptions?",
        r"(?:our|the) (?:terms|terms and conditions|contract|t&cs) (?:say|state|says|states)(?: that)?(?: \w+){0,5}",
        r"that's (?:just )?how (?:it works|the system works)",
        r"(?:that's|it's|that is|it is) not (?:my|our) (?:responsibility|decision|call)",
        r"(?:that's|it's) out of my hands",
        r"according to (?:our|the) (?:policy|rules|terms)(?: \w+){0,4}",
        r"per (?:our |company )?policy",
        r"(?:there's|there is) nothing (?:i|we) can do(?: \w+){0,3}",
        r"(?:according to|under|as per|in line with|against) (?:our|the|company) (?:\w+ )?(?:policy|policies|rules|terms|"
        r"terms and conditions|guidelines|procedures?)",
        r"(?:it's|that's|it is|that is) (?:not )?up to (?:me|us)",
        r"(?:i|we)(?:'m| am|'re| are)? (?:just |only )?follow(?:ing)? (?:the |our )?(?:rules|procedures?|guidelines|policy)",
        r"(?:it's|that's|it is|that is) (?:outside|beyond) (?:my|our) control",
        r"only (?:the |our )?\w+(?: team)? (?:can|could) (?:approve|decide|authori[sz]e|change)(?: \w+){0,2}",
        r"(?:that's|it's|that is|it is) not (?:my|our) (?:fault|problem)",
        r"(?:you'll|you will|you) (?:have|need) to take (?:it|that|this) up with(?: \w+){1,3}",
        r"(?:we|i) (?:can't|cannot) (?:make|do) (?:an |any )?exceptions?",
    ],
}
# Rule phrases read from their structure, whatever the exact words (issue 16: the held-out writers cite rules
# in words no list had, "Politikken er, at...", "Systemet tillader ikke...", "Those are the rules"):
# - a source of rules (rules, policy, guidelines, terms, the law, the system) as the subject of a verb of
#   saying or requiring, of not allowing ("Vores retningslinjer kræver, at...", "The system won't let me..."),
#   or as what "det/that" is ("Det er desværre politikken", "Those are the rules, I'm afraid");
# - a prohibition with an impersonal subject or with us as the subject ("Det er ikke lov å...", "That isn't
#   allowed", "We're not permitted to...", "Vi får ikke lov til...");
# - an obligation put on us by a rule ("Vi er forpligtet til...", "We're required by law to...").
# "Systemet viser...", "I can't see your order", "Du må gerne..." cite no rule.
# Searched apart from the one-pass findings scan (analyzer._scan_words): each has a literal of its own, so the
# prefilter skips the whole list in the turns that hold none of them, where inside the scan every alternative
# would be tried at every word (+10 % instructions per agent turn, measured 2026-12-01).
_RULE_SOURCE = {
    "da": r"(?:(?:vores|firmaets|virksomhedens|jeres|de|deres|bankens|butikkens|selskabets|kommunens|nye|faste|gældende|"
    r"almindelige|almindelig|normal|normale|standard) )*"
    r"(?:regler|reglerne|reglen|politik|politikken|retningslinjer|retningslinjerne|betingelser|betingelserne|vilkår|"
    r"vilkårene|handelsbetingelser|handelsbetingelserne|procedure|proceduren|procedurer|procedurerne|loven|lovgivningen|"
    r"forretningsgangen|bekendtgørelsen|bekendtgørelserne|vedtægterne|reglementet|regulativet|lovkravene)",
    "nb": r"(?:(?:vår|våre|firmaets|selskapets|bankens|butikkens|kommunens|de|deres|nye|faste|gjeldende|vanlig|vanlige|"
    r"normal|standard) )*"
    r"(?:regler|reglene|regelen|policy|policyen|politikk|politikken|retningslinjer|retningslinjene|retningslinjer|vilkår|"
    r"vilkårene|betingelser|betingelsene|kjøpsvilkår|kjøpsvilkårene|prosedyre|prosedyren|prosedyrer|prosedyrene|loven|"
    r"lovverket|rutinene|rutinen|forskriften|forskriftene|vedtektene|reglementet|regelverket)(?: (?:våre|vår|hos oss))?",
    "en": r"(?:(?:the|our|company|the company's|the bank's|the store's|these|new|current|strict|standard|usual|normal) )*"
    r"(?:rules|rule|policy|policies|guidelines|terms|terms and conditions|t&cs|procedures?|law|regulations?|legislation)",
}
_SYSTEM = {"da": r"systemet", "nb": r"systemet", "en": r"the system"}
_RULE_STRUCTURE = {
    "da": [
        rf"{_RULE_SOURCE['da']}(?: (?:i|for|på|hos) \w+)?,? (?:\w+ )?(?:siger|sagde|kræver|krævede|foreskriver|forbyder|er,? at)(?:,? at)?(?: \w+){{0,5}}",
        rf"(?:{_RULE_SOURCE['da']}|{_SYSTEM['da']}) (?:tillader|tillod|giver|gav) (?:\w+ )?ikke(?: lov)?(?: \w+){{0,4}}",
        rf"{_SYSTEM['da']} lader (?:mig|os) (?:desværre )?ikke(?: \w+){{0,3}}",
        rf"det (?:tillader|tillod) (?:{_RULE_SOURCE['da']}|{_SYSTEM['da']}) (?:desværre )?ikke",
        # whatever the subject: "Flytning af el er ikke mit bord"
        r"(?<=\w )er (?:desværre )?ikke (?:min afdeling|mit bord|vores bord|vores afdeling)",
        rf"(?:det|dét|det her|sådan|således) er (?:(?:desværre|bare|nu engang|jo|altså|simpelthen) )*{_RULE_SOURCE['da']}"
        r"(?![\w-])",
        r"sådan,? (?:lyder|er) (?:reglerne|politikken|betingelserne|vilkårene|proceduren)",
        r"sådan,? (?:reglerne|politikken|betingelserne|vilkårene|proceduren) (?:er|lyder)",
        r"(?:det|dette|sådan noget) (?:er|var) (?:desværre )?(?:ikke (?:lovligt|lov|tilladt)|forbudt)(?: \w+){0,3}",
        r"det må (?:man|vi|\w+(?:erne|ene)) (?:desværre )?ikke(?: \w+){0,3}",
        r"(?:kan|må) (?:jeg|vi) (?:desværre )?ikke tage stilling til",
        r"(?:jeg|vi) får (?:desværre )?ikke lov(?: til)?(?: \w+){0,4}",
        r"(?:jeg|vi) er (?:desværre )?(?:forpligtet|forpligtede|pålagt|nødt til at følge)(?: til)?(?: \w+){0,4}",
        # the matter sent elsewhere or put outside what we do: "Det skal du spørge banken om", "Det kan jeg
        # ikke hjælpe dig med", "Det er ikke mig, der laver reglerne", "Der er ikke mere, jeg kan gøre"
        r"det (?:skal|må) (?:du|i) (?:selv )?(?:spørge|kontakte|klage til|ringe til) (?!os\b|mig\b)\w+(?: \w+){0,2}",
        r"(?:du|i) skal (?:selv )?henvende (?:dig|jer) (?:til|hos) (?!os\b|mig\b)\w+(?: \w+){0,2}",
        r"det kan (?:jeg|vi) (?:desværre )?ikke hjælpe (?:dig |jer )?med",
        r"der er ikke (?:mere|noget|mere,? jeg|noget,? jeg),? (?:jeg |vi )?kan gøre(?: \w+){0,2}",
        r"det er ikke (?:mig|os),? der (?:laver|har lavet|bestemmer) (?:reglerne|det)",
        r"(?:jeg|vi) (?:laver|bestemmer) ikke (?:reglerne|priserne)",
        r"det (?:bestemmer|afgør) (?:jeg|vi) (?:desværre )?ikke",
        r"det har (?:jeg|vi) ikke noget (?:med at gøre|at gøre med)",
        r"(?:det|der) er (?:desværre )?ikke (?:noget|mere) at gøre(?: ved det)?",
        r"det er ikke (?:min|vores) opgave(?: \w+){0,3}",
        r"(?:du|i) bør (?:selv )?(?:kontakte|ringe til|skrive til|snakke med|tale med) (?!os\b|mig\b)\w+(?: \w+){0,2}",
        # a rule we must follow, a requirement, a fact of life
        r"(?:jeg|vi) (?:skal|må|er nødt til at) (?:jo )?følge (?:reglerne|proceduren|procedurerne|retningslinjerne|loven)",
        r"det er (?:desværre )?(?:et )?(?:lovkrav|krav fra \w+|lovpligtigt)",
        r"sådan er det (?:bare|nu engang|desværre)",
        r"(?:jeg|vi) har (?:desværre )?ikke (?:mulighed for|beføjelse til|bemyndigelse til)(?: \w+){0,3}",
        r"det er (?:desværre )?ikke noget,? (?:jeg|vi) (?:gør|tilbyder|laver)(?: \w+){0,2}",
        r"det er (?:desværre )?ikke noget,? (?:jeg|vi) (?:har adgang til|har mulighed for|har indflydelse på|bestemmer|afgør)",
        r"(?:jeg|vi) er (?:desværre )?bundet af(?: \w+){1,3}",
        r"det er ikke (?:os|mig),? der (?:har )?(?:lavet|begået) fejlen",
        r"det (?:afgør|bestemmer|beslutter) [\w-]+,? ikke (?:mig|os)",
        rf"efter {_RULE_SOURCE['da']},? (?:kan|må) (?:vi|jeg) (?:desværre )?ikke(?: \w+){{0,4}}",
        r"(?:kan|må) (?:jeg|vi) (?:desværre )?ikke (?:\w+ ){0,3}?(?:over|via|på|per) (?:telefonen|mail|e-mail|chat|chatten)",
        r"(?:skal|må) rettes til (?!os\b|mig\b)\w+(?: \w+){0,2}",
        r"i \w*(?:betingelserne|vilkårene|reglerne|retningslinjerne|kontrakten) står der",
        # where the rule stands, cited ("jf. bekendtgørelsen", "som det fremgår af vores betingelser"; not a rule in
        # the customer's favour: "Ifølge reglerne har du ret til...")
        rf"(?:i henhold til|jf\.|jævnfør|som det fremgår af|det fremgår af) {_RULE_SOURCE['da']}(?![\w-])"
        r"(?! (?:har|får) (?:du|i) (?:ret|krav))(?: \w+){0,4}",
        # the matter put on someone else by a cleft: "det er GLS, der kører pakkerne ud, ikke os", "Det er banken,
        # du skal kontakte"
        r"det er [\w-]+(?: [\w-]+)?,? (?:der|som) (?:[\w-]+,? ){1,6}?(?:ik|ikke) (?:os|mig)\b",
        r"det er [\w-]+(?: [\w-]+)?,? (?:du|i) (?:skal|må|bør) (?:kontakte|ringe til|skrive til|tale med|snakke med)\b",
        r"det er (?:desværre )?ikke (?:vores|mit|min) (?:ansvar|område|afdeling)",
        # session 10 (structures the tuning parts held in words no pattern had):
        # a channel refused, whoever is the subject and wherever the channel stands: "jeg kan ikke frafalde
        # gebyret over telefonen", "Vi behandler ikke klager pr. mail"
        r"(?:jeg|vi) (?:kan|må) (?:desværre )?ikke (?:\w+ ){0,4}?(?:over|via|på|per|pr\.) (?:telefonen|telefon|mail|"
        r"e-mail|mailen|chat|chatten)(?![\w-])",
        r"vi (?:behandler|modtager|tager imod|godkender|accepterer|besvarer|ændrer) (?:desværre )?ikke (?:\w+ ){0,4}?"
        r"(?:over|via|på|per|pr\.) (?:telefonen|telefon|mail|e-mail|chat|chatten)(?![\w-])",
        # a prohibition on us in a subordinate clause ("..., fordi vi ikke har lov til at udlevere det")
        r"(?:jeg|vi) (?:desværre )?ikke (?:har|får) lov til(?: \w+){0,4}",
        # "jeg må ikke flytte i deres kalender": Danish "må ikke" with us as the subject is a prohibition
        r"(?:jeg|vi) må (?:desværre )?ikke (?!glemme\b)\w+(?: \w+){0,3}",
        # the matter handed to someone else to take up: "det skal du tage med butikken", "Du må tage sagen op med..."
        r"(?:det|sagen) (?:skal|må) (?:du|i) (?:selv )?(?:tage|tale) (?:op )?med (?!os\b|mig\b)\w+(?: \w+){0,2}",
        r"(?:du|i) (?:skal|må) (?:selv )?tage (?:sagen|det|den|dette) (?:op )?med (?!os\b|mig\b)\w+(?: \w+){0,2}",
        # the decision or the responsibility put on someone else by a cleft: "det er værkstedet, der afgør det",
        # "Det er ikke butikken, der har ansvaret for leveringen" (not "det er dig, der bestemmer")
        r"det er (?:ikke )?(?!(?:du|dig|i|jer|jeg|mig|vi|os)\b)[\w-]+(?: [\w-]+)?,? (?:der|som) (?:afgør|bestemmer|"
        r"beslutter|styrer|har (?:ansvaret|ansvar)(?: for)?)\b(?: \w+){0,3}",
        # a rule cited by its source, also a law or a set of provisions named by a compound ("Det følger af vores
        # leveringsbestemmelser", "I henhold til ejendomsvurderingsloven"; not "Ifølge loven har du ret til...")
        r"(?:det følger af|ifølge|i henhold til|jf\.|jævnfør) (?:vores |jeres |de |den )?[\w-]*(?:loven|lovens|"
        r"lovgivningen|bekendtgørelsen|bestemmelser|bestemmelserne|betingelser|betingelserne|vilkår|vilkårene|regler|"
        r"reglerne|reglementet|vedtægterne|regulativet)(?![\w-])(?! (?:har|får) (?:du|i) (?:ret|krav))(?: §+ ?\d+)?",
        r"det er [\w-]+(?:s|ets|ens) (?:krav|politik|procedure|betingelser|vilkår)(?![\w-])",
        r"(?:det er )?(?:bare |nu engang |desværre )?sådan (?:systemet|reglerne|proceduren|politikken) (?:er|fungerer|virker)",
    ],
    "nb": [
        rf"{_RULE_SOURCE['nb']}(?: (?:i|for|på|hos) \w+)?,? (?:\w+ )?(?:sier|sa|krever|krevde|forbyr|er,? at)(?: at)?(?: \w+){{0,5}}",
        rf"(?:{_RULE_SOURCE['nb']}|{_SYSTEM['nb']}) (?:tillater|tillot|gir|ga) (?:\w+ )?ikke(?: lov)?(?: \w+){{0,4}}",
        rf"{_SYSTEM['nb']} lar (?:meg|oss) (?:dessverre )?ikke(?: \w+){{0,3}}",
        rf"det (?:tillater|tillot) (?:{_RULE_SOURCE['nb']}|{_SYSTEM['nb']}) (?:dessverre )?ikke",
        r"(?<=\w )er (?:dessverre )?ikke (?:min avdeling|mitt bord|vårt bord|vår avdeling)",
        rf"(?:det|dette|sånn|slik) er (?:(?:dessverre|bare|nå en gang|jo|altså|rett og slett) )*{_RULE_SOURCE['nb']}"
        r"(?![\w-])",
        r"sånn,? (?:reglene|policyen|vilkårene|prosedyren) er",
        r"(?:det|dette|sånt noe) (?:er|var) (?:dessverre )?(?:ikke (?:lovlig|lov|tillatt)|forbudt)(?: \w+){0,3}",
        r"det må (?:man|vi|\w+(?:ene|erne)) (?:dessverre )?ikke(?: \w+){0,3}",
        r"(?:kan|må) (?:jeg|vi) (?:dessverre )?ikke ta stilling til",
        r"(?:det )?har (?:jeg|vi) (?:dessverre )?ikke (?:anledning|fullmakt|myndighet) til(?: \w+){0,3}",
        r"(?:jeg|vi) har (?:dessverre )?ikke (?:anledning|fullmakt|myndighet) til(?: \w+){0,3}",
        r"(?:jeg|vi) får (?:dessverre )?ikke lov(?: til)?(?: \w+){0,4}",
        r"(?:jeg|vi) er (?:dessverre )?(?:forpliktet|pålagt|nødt til å følge)(?: til)?(?: \w+){0,4}",
        r"det (?:skal|må) (?:du|dere) (?:selv )?(?:spørre|kontakte|klage til|ringe til) (?!oss\b|meg\b)\w+(?: \w+){0,2}",
        r"(?:du|dere) (?:skal|må) (?:selv )?henvende (?:deg|dere) (?:til|hos) (?!oss\b|meg\b)\w+(?: \w+){0,2}",
        r"det kan (?:jeg|vi) (?:dessverre )?ikke hjelpe (?:deg |dere )?med",
        r"det er ikke (?:mer|noe),? (?:jeg|vi) kan gjøre(?: \w+){0,2}",
        r"det er ikke (?:meg|oss) som (?:lager|har laget|bestemmer) (?:reglene|det)",
        r"(?:jeg|vi) (?:lager|bestemmer) ikke (?:reglene|prisene)",
        r"det (?:bestemmer|avgjør) (?:ikke (?:jeg|vi)|(?:jeg|vi) (?:dessverre )?ikke)",
        r"det har (?:jeg|vi) (?:ingenting|ikke noe) (?:med å gjøre|å gjøre med)",
        r"det er (?:dessverre )?(?:ikke noe|ingenting) (?:å gjøre med det|(?:jeg|vi) kan gjøre)(?: \w+){0,2}",
        r"det er ikke (?:min|vår) (?:oppgave|jobb)(?: \w+){0,3}",
        r"(?:du|dere) bør (?:selv )?(?:snakke|prate|ringe|kontakte|ta det opp)(?: \w+){0,1}? (?:med |til )?(?!oss\b|meg\b)\w+(?: \w+){0,2}",
        # (the Danish list's structures in Norwegian)
        r"(?:jeg|vi) (?:kan|må) (?:dessverre )?ikke (?:oppgi|endre|utlevere|gi ut|ta stilling|refundere|gi deg|hjelpe deg med)(?: \w+){0,4}",
        r"(?:det )?(?:skal|må) (?:du|dere) (?:snakke|prate|ta det opp|ringe) (?:med|til) (?!oss\b|meg\b)\w+(?: \w+){0,2}",
        r"det ligger (?:dessverre )?utenfor (?:mitt|vårt|min|vår) (?:område|ansvar|avdeling)",
        r"det er \w+(?: \w+)?,? (?:som|der) tar seg av(?: \w+){0,2}",
        r"(?:jeg|vi) (?:skal|må|er nødt til å) (?:jo )?følge (?:reglene|prosedyren|prosedyrene|retningslinjene|rutinene|loven)",
        r"det er (?:dessverre )?(?:et )?(?:lovkrav|krav fra \w+|lovpålagt)",
        r"sånn er det (?:bare|nå en gang|dessverre)",
        r"vi har (?:dessverre )?ikke (?:mulighet til|myndighet til|fullmakt til)(?: \w+){0,3}",
        r"det er (?:dessverre )?ikke noe (?:jeg|vi) (?:gjør|tilbyr|lager)(?: \w+){0,2}",
        r"det er (?:dessverre )?ikke noe (?:jeg|vi) (?:har tilgang til|har mulighet til|bestemmer|avgjør|rår over)",
        r"(?:jeg|vi) er (?:dessverre )?bundet av(?: \w+){1,3}",
        r"det er ikke (?:oss|meg) som (?:har )?(?:gjort|laget) feilen",
        r"det (?:avgjør|bestemmer|beslutter) [\w-]+,? ikke (?:meg|oss)",
        rf"etter {_RULE_SOURCE['nb']},? (?:kan|må|får) (?:vi|jeg) (?:dessverre )?ikke(?: \w+){{0,4}}",
        r"(?:kan|må) (?:jeg|vi) (?:dessverre )?ikke (?:\w+ ){0,3}?(?:over|via|på|per) (?:telefonen|telefon|e-post|epost|chat|chatten)",
        r"(?:skal|må) rettes til (?!oss\b|meg\b)\w+(?: \w+){0,2}",
        r"i \w*(?:vilkårene|reglene|betingelsene|retningslinjene|kontrakten|avtalen) står det",
        rf"(?:i henhold til|jf\.|jamfør|som det fremgår av|det fremgår av) {_RULE_SOURCE['nb']}(?![\w-])"
        r"(?! (?:har|får) (?:du|dere) (?:rett|krav))(?: \w+){0,4}",
        r"det er [\w-]+(?: [\w-]+)?,? (?:som|der) (?:[\w-]+,? ){1,6}?ikke (?:oss|meg)\b",
        r"det er [\w-]+(?: [\w-]+)?,? (?:du|dere) (?:skal|må|bør) (?:kontakte|ringe til|skrive til|snakke med|prate med)\b",
        r"(?:du|dere) (?:må|skal) (?:selv )?(?:ringe|kontakte) (?!oss\b|meg\b)\w+(?:et|en|ene)(?![\w-])",
        # session 10 (as in Danish above): a channel refused, a prohibition in a subordinate clause, the matter
        # handed to someone else, a cleft that puts the decision or the responsibility on someone else, a rule
        # cited by its source
        r"(?:jeg|vi) (?:kan|må|får) (?:dessverre )?ikke (?:\w+ ){0,4}?(?:over|via|på|per) (?:telefonen|telefon|e-post|"
        r"epost|mail|chat|chatten)(?![\w-])",
        r"vi (?:behandler|mottar|tar imot|godkjenner|aksepterer|besvarer|endrer) (?:dessverre )?ikke (?:\w+ ){0,4}?"
        r"(?:over|via|på|per) (?:telefonen|telefon|e-post|epost|mail|chat|chatten)(?![\w-])",
        r"(?:jeg|vi) (?:dessverre )?ikke (?:har|får) lov til(?: \w+){0,4}",
        r"(?:det|saken) (?:skal|må) (?:du|dere) (?:selv )?ta (?:opp )?med (?!oss\b|meg\b)\w+(?: \w+){0,2}",
        r"(?:du|dere) (?:skal|må) (?:selv )?ta (?:saken|det|den|dette) (?:opp )?med (?!oss\b|meg\b)\w+(?: \w+){0,2}",
        r"(?:du|dere) (?:må|skal) (?:selv )?kontakte (?:dem|de) direkte",
        r"det er (?:ikke )?(?!(?:du|deg|dere|jeg|meg|vi|oss)\b)[\w-]+(?: [\w-]+)?,? (?:som|der) (?:avgjør|bestemmer|"
        r"beslutter|styrer|har (?:ansvaret|ansvar)(?: for)?)\b(?: \w+){0,3}",
        r"(?:det følger av|ifølge|i henhold til|jf\.|jamfør) (?:våre |vår |deres |den )?[\w-]*(?:loven|lovens|lovverket|"
        r"forskriften|forskriftene|bestemmelser|bestemmelsene|betingelser|betingelsene|vilkår|vilkårene|regler|reglene|"
        r"reglementet|regelverket|vedtektene)(?![\w-])(?! (?:har|får) (?:du|dere) (?:rett|krav))(?: §+ ?\d+)?",
        r"det står i (?:våre |vår |deres )?[\w-]*(?:vedtektene|reglementet|regelverket|forskriften|loven)(?![\w-])",
        r"(?:har|hadde) (?:faktisk |dessverre )?ikke myndighet (?:over|til)(?: \w+){0,3}",
        r"det er [\w-]+(?:s|ets|ens) (?:krav|policy|politikk|prosedyre|betingelser|vilkår)(?![\w-])",
        r"(?:det er )?(?:bare |nå en gang |dessverre )?(?:sånn|slik) (?:systemet|reglene|prosedyren) (?:er|fungerer|virker)",
    ],
    "en": [
        rf"{_RULE_SOURCE['en']}(?: (?:in|for|of|on) (?:the |your |our )?\w+)? (?:clearly |simply |now )?(?:says?|said|states?|stated|requires?|required|forbids?|prohibits?|"
        rf"is that)(?: that)?(?: \w+){{0,5}}",
        rf"(?:{_RULE_SOURCE['en']}|{_SYSTEM['en']}) (?:doesn't|does not|don't|do not|won't|will not|didn't|wouldn't) "
        rf"(?:allow|let|permit)(?: \w+){{0,4}}",
        rf"(?:that's|that is|it's|it is|those are|these are|them's|them are) (?:(?:just|simply|sadly|unfortunately|still) )*"
        rf"{_RULE_SOURCE['en']}(?![\w-])",
        rf"{_RULE_SOURCE['en']} (?:is|are) {_RULE_SOURCE['en']}",
        r"(?:that|it|this)(?:'s| is| was)? (?:not|n't) (?:allowed|permitted|legal)(?: \w+){0,3}",
        r"(?:that|it|this) (?:isn't|is not|wasn't) (?:allowed|permitted|legal)(?: \w+){0,3}",
        r"(?:we|i)(?:'re|'m| are| am) (?:not|n't) (?:permitted|authori[sz]ed|allowed)(?: to)?(?: \w+){0,4}",
        r"(?:we|i)(?:'re|'m| are| am) (?:legally |contractually )?(?:required|obliged|obligated|bound) (?:by (?:law|\w+ \w+) )?to(?: \w+){0,4}",
        r"you(?:'d| would|'ll| will)? (?:have|need) to (?:ask|go through|get in touch with|take (?:it|that|this) to) "
        r"(?!us\b|me\b)\w+(?: \w+){0,2}",
        r"(?:i|we) can(?:'t|not) help (?:you )?with (?:that|this|it)",
        r"(?:that's|that is|it's|it is) not something (?:i|we) can help (?:you )?with",
        r"(?:there's|there is) nothing (?:more|else) (?:i|we) can do(?: \w+){0,3}",
        r"i (?:don't|do not) make the rules",
        r"(?:i|we) (?:don't|do not) (?:decide|set) (?:that|the prices|the rules)",
        r"(?:i|we) (?:have|had) nothing to do with (?:that|this|it)",
        r"(?:i|we) (?:have|must|need) to follow (?:the |our )?(?:rules|procedures?|policy|guidelines|law)",
        r"(?:it's|that's|it is|that is) a (?:legal |regulatory )?requirement",
        r"(?:that's|that is) (?:just )?the way it is|it is what it is",
        r"(?:i'm|i am|we're|we are) not in a position to(?: \w+){0,3}",
        r"(?:i|we) (?:don't|do not) have (?:the )?(?:authority|permission|authorisation|authorization)(?: to)?(?: \w+){0,3}",
        r"you (?:must|should) (?:contact|call|speak to|talk to|ask|email|write to) (?!us\b|me\b)\w+(?: \w+){0,2}",
        r"(?:that's|that is|it's|it is) (?:handled|dealt with|decided) by (?:another|a different|our|the) \w+(?: \w+)?",
        r"(?:i'm|i am|we're|we are) (?:not able|unable) to (?:refund|change|override|waive|cancel|give out|discuss|make)"
        r"(?: \w+){0,4}",
        r"(?:we|i) can(?:'t|not) (?:\w+ ){1,3}?(?:by|over|via) (?:email|e-mail|phone|the phone|chat)",
        r"(?:we|i)(?:'re| are|'m| am) bound by(?: \w+){1,3}",
        r"(?:must|should|will need to) be (?:directed|addressed|sent|made) to (?!us\b|me\b)\w+(?: \w+){0,2}",
        rf"(?:as (?:stated|set out|outlined|specified|laid out|described) in|in accordance with|in line with) "
        rf"{_RULE_SOURCE['en']}(?![\w-])(?: \w+){{0,4}}",
        r"(?:it's|it is|that's|that is) (?:the )?[\w-]+(?: [\w-]+)? (?:who|that) (?:[\w-]+,? ){1,6}?not (?:us|me)\b",
        r"(?:it's|it is) (?:the )?[\w-]+(?: [\w-]+)? (?:you|you'll) (?:need to|have to|should|must) (?:contact|call|speak to|talk to|email)\b",
        # a referral with "you'd": "you'd need to speak to the field team"
        r"you(?:'d| would) (?:have|need) to (?:talk|speak|contact|call|email|write) (?:to |with )?(?!us\b|me\b)\w+(?: \w+){0,3}",
        r"(?:it|this) (?:is|'s) not (?:my|our) (?:department|area|job|responsibility)",
        # session 10: a channel refused however it is put ("I'm not able to do that from chat", "We're unable to
        # consider claims sent by email", "We don't take bookings over the phone")
        r"(?:we|i)(?:'re| are|'m| am)? (?:not able|unable) to (?:\w+ ){1,4}?(?:by|over|via|from|on|in) (?:email|e-mail|"
        r"phone|the phone|chat|the chat|live chat)(?![\w-])",
        r"(?:we|i) (?:don't|do not|can't|cannot|won't) (?:\w+ ){1,4}?(?:by|over|via|from|on) (?:email|e-mail|the phone|"
        r"chat|the chat|live chat)(?![\w-])",
        # a cleft that puts the decision on someone else: "it's the airline that decides on compensation"
        r"(?:it's|it is) (?:the |our )?(?!you\b)[\w-]+(?: [\w-]+)? (?:who|that) (?:decides?|makes? the decision|"
        r"(?:is|are) responsible for)\b(?: \w+){0,3}",
        # a rule cited by its source, a law among them ("According to the regulations, ...", "that's practice
        # policy")
        rf"(?:according to|as per|under) {_RULE_SOURCE['en']}(?![\w-])(?! (?:you|you're|you are) (?:entitled|can))",
        r"(?:that's|that is|it's|it is) (?!a\b|an\b|not\b)[\w-]+ polic(?:y|ies)(?![\w-])",
        r"that's (?:just )?the way the system (?:works|is)",
    ],
}
# The patterns that name a source of rules are searched only in a turn that holds one (RULE_SOURCE, a gate
# with rare words as its anchors: their own anchors are verbs as common as "siger", "it's").
RULE_SOURCE = {lang: rf"(?:{_RULE_SOURCE[lang]}|{_SYSTEM[lang]})" for lang in _RULE_SOURCE}
RULE_SOURCE_STRUCTURE = {
    lang: [p for p in patterns if _RULE_SOURCE[lang] in p or _SYSTEM[lang] in p]
    for lang, patterns in _RULE_STRUCTURE.items()
}
RULE_STRUCTURE = {
    lang: [p for p in patterns if p not in RULE_SOURCE_STRUCTURE[lang]] for lang, patterns in _RULE_STRUCTURE.items()
}
ACKNOWLEDGEMENT = {
    "da": [
        r"(?:det|det her|det der|dét)\s+(?:lyder|må være|må have været|er|var)\s+(?:(?!ikke\b|not\b|never\b|aldrig\b|aldri\b)\w+\s+){0,4}?(?:ubehagelig|frustrerende|irriterende|stressende|træls|surt|sur|utrygt|utryg|svær|hårdt|hård|smertefuld|besværligt|besværlig|ærgerligt|ærgerlig|bekymrende|kedeligt|kedelig|trist|nedslående|skuffende|overraskelse|ubelejligt|ubelejlig|slemt|skidt|forfærdeligt|frygteligt|opslidende|hårdt|belastende|uheldigt|ubehageligt|stor stigning|svær tid|chokerende|pinligt|uretfærdigt|forvirrende|ærgrelse)",
        r"(?:hvor|sikke)\s+(?:er det\s+|var det\s+|en\s+|et\s+)?(?:\w+\s+)?(?:ubehagelig|frustrerende|irriterende|stressende|træls|surt|sur|utrygt|utryg|svær|hårdt|hård|smertefuld|besværligt|besværlig|ærgerligt|ærgerlig|bekymrende|kedeligt|kedelig|trist|nedslående|skuffende|overraskelse|ubelejligt|ubelejlig|slemt|skidt|forfærdeligt|frygteligt|opslidende|hårdt|belastende|uheldigt|ubehageligt|stor stigning|svær tid|chokerende|pinligt|uretfærdigt|forvirrende|ærgrelse)",
        r"jeg kan (?:godt )?høre,? (?:at )?du er (?:frustreret|ked af det|utilfreds|irriteret|bekymret|presset|stresset|vred)",
        r"det er jeg (?:virkelig |rigtig |meget )?ked af",
        r"(?:jeg er )?(?:rigtig |virkelig |meget )?ked af at høre",
        r"det lyder som en? (?:\w+\s+){0,2}\w+",
        r"det lyder (?:virkelig |rigtig |meget )?(?:\w+)",
    ],
    "nb": [
        r"(?:det|dette)\s+(?:høres|må være|må ha vært|er|var)\s+(?:(?!ikke\b|not\b|never\b|aldrig\b|aldri\b)\w+\s+){0,4}?(?:ubehagelig|frustrerende|irriterende|stressende|kjipt|kjip|leit|dumt|ergerlig|ergerlig|kjedelig|kjedelig|surt|tungvint|slitsomt|slitsom|utrygt|vanskelig|tøft|tung|ubeleilig|skuffende|overraskelse|bekymringsfullt|bekymret|stress|forvirrende|urettferdig|vondt|ille|lenge å vente|ubehagelig)",
        r"\b(?:så|hvor|for en)\s+(?:\w+\s+)?(?:ubehagelig|frustrerende|irriterende|stressende|kjipt|kjip|leit|dumt|ergerlig|ergerlig|kjedelig|kjedelig|surt|tungvint|slitsomt|slitsom|utrygt|vanskelig|tøft|tung|ubeleilig|skuffende|overraskelse|bekymringsfullt|bekymret|stress|forvirrende|urettferdig|vondt|ille|lenge å vente|ubehagelig)",
        r"(?=\w+ å )(?:ubehagelig|frustrerende|irriterende|stressende|kjipt|kjip|leit|dumt|ergerlig|ergerlig|kjedelig|kjedelig|surt|tungvint|slitsomt|slitsom|utrygt|vanskelig|tøft|tung|ubeleilig|skuffende|overraskelse|bekymringsfullt|bekymret|stress|forvirrende|urettferdig|vondt|ille|lenge å vente|ubehagelig) å (?:høre|stå|få|oppleve|bli|vente|sitte|oppdage|miste)",
        r"jeg hører at du er (?:frustrert|lei deg|misfornøyd|irritert|bekymret|stresset|sint)",
        r"det er jeg (?:virkelig |veldig )?lei (?:meg )?for",
        r"det var (?:leit|kjipt|dumt|trist|ille) å høre",
        r"det høres (?:\w+\s+){0,3}ut",
    ],
    "en": [
        r"(?:that|this|it)\s+(?:sounds|must be|must have been|is|was|'s)\s+(?:like\s+)?(?:a\s+|an\s+|such a\s+)?(?:(?!ikke\b|not\b|never\b|aldrig\b|aldri\b)\w+\s+){0,3}?(?:frustrating|annoying|stressful|disappointing|inconvenient|worrying|exhausting|nasty|awful|horrible|upsetting|miserable|unsettling|scary|frightening|tough|difficult|hard|stressful|unpleasant|infuriating|maddening|confusing|shame|pain|headache|surprise|worry|stress|rough|horrid|grim|distressing|alarming|unfair|gutting|rubbish)",
        r"(?:how|what an?)\s+(?:\w+\s+)?(?:frustrating|annoying|stressful|disappointing|inconvenient|worrying|exhausting|nasty|awful|horrible|upsetting|miserable|unsettling|scary|frightening|tough|difficult|hard|stressful|unpleasant|infuriating|maddening|confusing|shame|pain|headache|surprise|worry|stress|rough|horrid|grim|distressing|alarming|unfair|gutting|rubbish)",
        r"i can (?:see|imagine|hear) how (?:\w+\s+){0,2}?(?:frustrating|annoying|stressful|disappointing|inconvenient|worrying|exhausting|nasty|awful|horrible|upsetting|miserable|unsettling|scary|frightening|tough|difficult|hard|stressful|unpleasant|infuriating|maddening|confusing|shame|pain|headache|surprise|worry|stress|rough|horrid|grim|distressing|alarming|unfair|gutting|rubbish)",
        r"i can hear (?:that )?you(?:'re| are) (?:frustrated|upset|worried|annoyed|stressed)",
        r"(?:i'm |i am )?(?:so |really |very )?sorry to hear",
        r"sorry (?:about|for) the (?:stress|trouble|worry|hassle|inconvenience)",
        r"(?=an? \w+)an? (?:\w+\s+)?(?:frustrating|annoying|stressful|disappointing|inconvenient|worrying|exhausting|nasty|awful|horrible|upsetting|miserable|unsettling|scary|frightening|tough|difficult|hard|stressful|unpleasant|infuriating|maddening|confusing|shame|pain|headache|surprise|worry|stress|rough|horrid|grim|distressing|alarming|unfair|gutting|rubbish)",
    ],
}
# Acknowledgements read from their structure (issue 16): a word for the customer's feeling in a frame that
# names it without agreeing: a modal guess about the matter ("Sådan en regning må give et chok", "Letters like
# that can be confusing", "Det kan være tungt å få..."), the feeling called natural ("Det er helt naturligt at
# være bange"), "that's/what a/does sound" + the feeling, and in Danish and Norwegian being sorry that
# something happened to the customer ("Jeg er ked af, at I mister en nat"; English "I'm sorry you..." is an
# apology and counts only with a feeling word). Searched apart from the one-pass scan, like RULE_STRUCTURE.
_FEELING = {
    "da": r"(?:et |en )?(?:chok|chokerende|forskrækkelse|forskrækket|bange|skræmmende|rystende|rystet|tungt|hårdt|"
    r"frustrerende|frustration|træls|ærgerligt|ærgerlig|skuffende|skuffelse|bekymret|bekymring|bekymrende|stressende|"
    r"opslidende|ubehageligt|ubehagelig|utrygt|utryg|nervøs|ked af det|ulykkelig|irriterende|slemt|skidt|"
    r"forvirrende|overvældende|svært|pinligt|uretfærdigt|nedslående|synd|ulækkert|træt af det|trætte af det|"
    r"skuffet|skuffede|generende|tung tid|svær tid|hård tid)",
    "nb": r"(?:et |en )?(?:sjokk|sjokkerende|skummelt|skremmende|redd|tungt|tøft|frustrerende|frustrasjon|leit|kjipt|"
    r"ergerlig|ergerlige|skuffende|skuffelse|bekymret|bekymring|stressende|slitsomt|ubehagelig|ille|vondt|utrygt|"
    r"nervøs|irriterende|forvirrende|overveldende|vanskelig|urettferdig|kjedelig|dumt|trasig|synd|ekkelt|lei|"
    r"skuffet|uheldig|uheldige|slitsomt|slitsom|tung tid|vanskelig tid)",
    "en": r"(?:a |an |such a |quite a |real )?(?:fright|frightening|shock|shocking|rotten|disappointment|disappointing|"
    r"distracting|worrying|worry|scary|nerve-wracking|upsetting|stressful|frustrating|horrible|awful|hassle|"
    r"annoying|confusing|unsettling|daunting|overwhelming|alarming|distressing|pain|nuisance|scared|worried|anxious|"
    r"upset|frustrated|nervous|stressed|shaken|miserable|nightmare|blow|letdown|let-down|stress|exhausting|"
    r"inconvenient|disappointed|gutting|grim)",
}
_NOT = r"(?!(?:ikke|not|never|aldrig|aldri|no)\b)"
_ACK_STRUCTURE = {
    "da": [
        rf"(?:kan|må) (?:godt |virkelig |også |jo )?(?:være|føles|opleves|have været|give(?: dig| jer)?|have givet"
        rf"(?: dig| jer)?) (?:{_NOT}\w+ ){{0,2}}?{_FEELING['da']}(?![\w-])",
        rf"det er (?:helt |fuldt ud |meget )?(?:naturligt|forståeligt|normalt) at (?:være|blive|føle sig) "
        rf"(?:\w+ )?{_FEELING['da']}(?![\w-])",
        r"jeg er (?:\w+ )?ked af,? (?:at|den|det at)(?: [\w-]+){1,8}",
        rf"(?:hvor|sikke) (?:et |en )?(?:\w+ )?{_FEELING['da']}(?![\w-])",
        # the feeling named by a litotes or an idiom: "Det er ikke sjovt at stå uden varme", "Det er det sidste,
        # man har brug for", "Ikke underligt, at du er træt af det"
        r"det er (?:bestemt |jo |virkelig |slet )?ikke (?:sjovt|rart|morsomt|særlig (?:sjovt|rart))",
        r"det (?:er|var) (?:jo )?det sidste,? (?:man|du|i) (?:har brug for|ønsker sig|trænger til)",
        r"(?:ikke|intet) (?:så )?(?:underligt|mærkeligt|sært),? at (?:du|i) (?:er|bliver|føler)(?: [\w-]+){1,3}",
        # session 10: the customer's situation as the subject of "lyder" or of "er" with a strong feeling word
        # ("Sådan en regning lyder voldsomt frustrerende", "To dage uden varme er opslidende"), the feeling heard
        # ("Jeg hører, at du er skuffet"), "Hvor er det overvældende", condolences
        rf"(?<=\w )lyder (?:(?:virkelig|rigtig|meget|så|helt|voldsomt) )*{_FEELING['da']}(?![\w-])",
        r"(?<=\w )(?:er|var) (?:(?:virkelig|rigtig|meget|så|helt|voldsomt) )*(?:frustrerende|stressende|opslidende|"
        r"ubehageligt|skræmmende|bekymrende|overvældende|generende|forfærdeligt|frygteligt|belastende)(?![\w-])",
        rf"jeg (?:kan )?(?:godt )?(?:hører|høre|forstår),? at (?:du|i|de) er (?:\w+ )?{_FEELING['da']}(?![\w-])",
        rf"(?:hvor|sikke) (?:er|var) det (?:(?:dog|bare|virkelig) )?{_FEELING['da']}(?![\w-])",
        r"ked af (?:dit|jeres|deres) tab|jeg kondolerer|(?:mine|vores) (?:dybeste |varmeste )?kondolencer",
    ],
    "nb": [
        rf"(?:kan|må) (?:nok |virkelig |også |jo )?(?:være|føles|oppleves|ha vært|gi(?: deg| dere)?|ha gitt"
        rf"(?: deg| dere)?) (?:{_NOT}\w+ ){{0,2}}?{_FEELING['nb']}(?![\w-])",
        rf"det er (?:helt |fullt )?(?:naturlig|forståelig|normalt) å (?:være|bli|føle seg) (?:\w+ )?{_FEELING['nb']}(?![\w-])",
        r"jeg er (?:\w+ )?lei (?:meg )?for,? (?:at|det at)(?: [\w-]+){1,8}",
        rf"(?:så|hvor|for en|for et) (?:\w+ )?{_FEELING['nb']}(?![\w-])(?! (?:er det|var det) ikke)",
        r"det er (?:jo |virkelig |absolutt )?ikke (?:noe )?(?:gøy|morsomt|artig|kjekt|moro)",
        r"det (?:er|var) (?:jo )?det siste (?:man|du|dere) (?:trenger|ønsker seg|vil ha)",
        r"ikke (?:så )?(?:rart|underlig|merkelig),? at (?:du|dere) (?:er|blir|føler)(?: [\w-]+){1,3}",
        # session 10 (as in Danish)
        rf"(?<=\w )høres (?:(?:virkelig|veldig|så|helt) )*{_FEELING['nb']}(?![\w-])",
        r"(?<=\w )(?:er|var) (?:(?:virkelig|veldig|så|helt) )*(?:frustrerende|stressende|slitsomt|ubehagelig|skremmende|"
        r"bekymringsfullt|overveldende|forferdelig|fryktelig|belastende)(?![\w-])",
        rf"jeg (?:kan )?(?:hører|høre|forstår),? at (?:du|dere) er (?:\w+ )?{_FEELING['nb']}(?![\w-])",
        r"lei (?:meg )?for (?:tapet ditt|ditt tap|tapet deres)|jeg kondolerer|(?:mine|våre) (?:dypeste )?kondolanser",
    ],
    "en": [
        rf"(?:must|can|may|might|could) (?:really |certainly |well |sometimes )?(?:be|feel|have been|have felt|give you|"
        rf"have given you) (?:{_NOT}\w+ ){{0,2}}?{_FEELING['en']}(?![\w-])",
        rf"(?:does|did) sound (?:really |so |very |quite )?(?:like )?{_FEELING['en']}(?![\w-])",
        rf"(?:that|this|it)(?:'s|’s| is| was) (?:(?:so|really|very|just|absolutely|such|truly) )*(?:{_NOT}\w+ )?"
        rf"{_FEELING['en']}(?![\w-])",
        rf"what (?:a |an )(?:\w+ )?{_FEELING['en']}(?![\w-])",
        rf"(?:i'm|i am) (?:so |really |very )?sorry (?:that |this |it |the )(?:[\w-]+ ){{0,6}}?{_FEELING['en']}(?![\w-])",
        rf"it's (?:completely |perfectly |totally )?(?:natural|understandable|normal) to (?:be|feel) (?:\w+ )?"
        rf"{_FEELING['en']}(?![\w-])",
        rf"i can (?:see|imagine|understand) why (?:[\w-]+ ){{1,4}}?{_FEELING['en']}(?![\w-])",
        r"(?:that's|that is|it's|it is) (?:the )?last thing (?:you|anyone) (?:need|needs|want|wants)",
        r"no wonder (?:you're|you are|you feel|you've been)(?: [\w-]+){1,3}",
        r"(?:that's|that is|it's|it is) (?:no fun|not (?:fun|ideal|nice)(?: at all)?)",
        r"(?:can't|cannot|couldn't) have been (?:easy|fun|nice|pleasant)",
        # session 10: the customer's situation as the subject of "sounds", or of "is" with a strong feeling word
        # ("Two days in a cold room sounds miserable", "Mould coming back every winter is exhausting to deal with"),
        # "a lot to deal with", condolences
        rf"(?<=\w )sounds? (?:(?:so|really|very|quite|absolutely|truly|pretty) )*(?:like )?{_FEELING['en']}(?![\w-])",
        r"(?<=\w )(?:is|are|was|were) (?:(?:so|really|very|quite|absolutely|truly|incredibly) )*(?:exhausting|stressful|"
        r"miserable|frustrating|upsetting|distressing|nerve-wracking|unsettling|overwhelming|frightening|scary)(?![\w-])",
        r"(?:that's|that is|it's|it is|sounds like|must be) (?:(?:really|quite|such) )?a lot to (?:deal with|carry|take in|"
        r"cope with|handle)",
        r"(?:so |very |truly |really )?sorry for your loss|my (?:deepest |sincere )?condolences",
    ],
}
# The frames with a word for the feeling are searched only in a turn that holds one (FEELING is their gate).
FEELING = _FEELING
ACK_STRUCTURE = {lang: [p for p in patterns if _FEELING[lang] in p] for lang, patterns in _ACK_STRUCTURE.items()}
ACK_SORRY = {lang: [p for p in patterns if _FEELING[lang] not in p] for lang, patterns in _ACK_STRUCTURE.items()}

SIGNATURE = {
    "da": r"(?:med )?venlig(?:st)? hilsen|mvh\.?|de bedste hilsner|bedste hilsner|hilsen",
    "nb": r"(?:med )?vennlig(?:st)? hilsen|mvh\.?|beste hilsen|hilsen",
    "en": r"kind regards|best regards|best wishes|regards|best|cheers|sincerely|thanks again",
}

# Promises: a commitment by us ...
PROMISE = {
    "da": [
        r"\b(?:vi|jeg) (?:vil |skal |kommer til at )?(?:ringe|ringer|kontakte|kontakter|vende tilbage|vender tilbage|sende|sender|skrive|skriver|give besked|giver besked|følge op|følger op|undersøge|undersøger|ordne|ordner|melde tilbage|melder tilbage|kigge på|kigger på)",
        r"\bdu (?:hører|får|vil høre|vil få|skal nok høre) (?:fra os|svar|besked|en mail|en sms|et opkald|et nyt)",
    ],
    "nb": [
        r"\b(?:vi|jeg) (?:vil |skal |kommer til å )?(?:ringe|ringer|kontakte|kontakter|komme tilbake|kommer tilbake|sende|sender|skrive|skriver|gi beskjed|gir beskjed|følge opp|følger opp|undersøke|undersøker|ordne|ordner|fikse|fikser|se på|ser på)",
        r"\bdu (?:hører|får|vil høre|vil få|skal få) (?:fra oss|svar|beskjed|en e-post|en sms|en telefon|nytt)",
    ],
    "en": [
        r"\b(?:we|i)(?:'ll| will| shall| are going to|'re going to|'m going to| am going to) (?:call|ring|contact|get back|send|email|e-mail|write|let you know|follow up|update|look into|fix|sort|reply)",
        r"\byou(?:'ll| will) (?:hear from us|get (?:an?|our|the) (?:answer|reply|update|call|email))",
    ],
}
# ... and when. Resolved in coaching/promises.py.
WEEKDAYS = {
    "da": ["mandag", "tirsdag", "onsdag", "torsdag", "fredag", "lørdag", "søndag"],
    "nb": ["mandag", "tirsdag", "onsdag", "torsdag", "fredag", "lørdag", "søndag"],
    "en": ["monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday"],
}
TIME_WORDS = {
    "da": {
        "today": r"(?:senere )?i dag|i løbet af dagen|(?:inden|før) dagen er omme|inden (?:dagens )?udgang(?:en)? af dagen|"
        r"inden fyraften|før fyraften|i eftermiddag|i løbet af eftermiddagen|sidst på dagen|senere på dagen|inden lukketid",
        "tonight": r"i aften|i nat",
        "this_morning": r"i formiddag|i løbet af formiddagen",
        "tomorrow": r"i morgen",
        "overmorrow": r"i overmorgen|overmorgen",
        "next_week": r"i næste uge|næste uge|i løbet af næste uge|ugen efter",
        "end_of_week": r"inden udgangen af (?:denne )?ugen|inden ugens udgang|(?:i )?slutningen af ugen|inden weekenden|"
        r"før weekenden|i løbet af ugen|(?:i )?denne uge|sidst på ugen|inden ugen er omme",
        "within": r"(?:inden for|indenfor|i løbet af|om|senest om|inden|på|højst|maks\.?|max\.?)\s+(?:de næste\s+)?"
        r"(?P<n>\d+|en|et|to|tre|fire|fem|seks|syv|otte|ni|ti|tolv|femten|tyve|et par|halvanden)?\s*(?P<half>halv\s*)?"
        r"(?P<unit>timer?|dage?|døgn|uger?|minutter|min\.?|hverdage?|arbejdsdage?|virkedage?)(?![\w])",
        "morning": r"formiddag|tidlig|morgen tidlig|først på dagen",
        "vague": r"om lidt|snarest|hurtigst muligt|så hurtigt som muligt|så snart|når (?:\w+ ){0,2}(?:har|er|svarer|ved|kommer)|inden (?:han|hun|de) ",
        "clock": r"(?:(?:kl\.?|klokken)\s*|(?:før|inden|senest|omkring|ca\.?|mellem)\s+(?:kl\.?\s*)?)"
        r"(?P<h>\d{1,2})(?:[.:](?P<m>\d{2}))?(?![.,]?\d|\s+\d{3}|\.?\s*(?:kr|kroner|timer?|dage?|døgn|uger?|minutter|min|måneder?|hverdage?|"
        r"arbejdsdage?|kr|%|,-|/|januar|februar|marts|april|maj|juni|juli|august|september|oktober|november|december)\b)",
    },
    "nb": {
        "today": r"(?:senere )?i dag|i løpet av dagen|(?:innen|før) dagen er (?:omme|over)|innen utgangen av dagen|før arbeidsdagens slutt|"
        r"i ettermiddag|i løpet av ettermiddagen|senere på dagen|sist på dagen|innen stengetid",
        "tonight": r"i kveld|i natt",
        "this_morning": r"i formiddag|i løpet av formiddagen",
        "tomorrow": r"i morgen",
        "overmorrow": r"i overmorgen|overmorgen",
        "next_week": r"neste uke|i løpet av neste uke|uka etter|uken etter",
        "end_of_week": r"innen utgangen av (?:denne )?(?:uka|uken)|i løpet av (?:uka|uken)|(?:i )?slutten av (?:uka|uken)|"
        r"innen helgen|før helgen|(?:i )?denne uka|(?:i )?denne uken|sist i (?:uka|uken)|innen (?:uka|uken) er omme",
        "within": r"(?:innen|i løpet av|om|senest om|på|høyst|maks\.?)\s+(?:de neste\s+)?"
        r"(?P<n>\d+|en|et|ett|to|tre|fire|fem|seks|sju|syv|åtte|ni|ti|tolv|femten|tjue|et par|halvannen)?\s*(?P<half>halv\s*)?"
        r"(?P<unit>timer?|dager?|døgn|uker?|minutter|min\.?|virkedager?|arbeidsdager?|hverdager?)(?![\w])",
        "morning": r"formiddag|tidlig|morgen tidlig",
        "vague": r"om litt|snarest|så fort som mulig|så snart|når (?:\w+ ){0,2}(?:har|er|svarer|vet|kommer)|før (?:han|hun|de) ",
        "clock": r"(?:(?:kl\.?|klokka|klokken)\s*|(?:før|innen|senest|ca\.?|mellom)\s+(?:kl\.?\s*)?)"
        r"(?P<h>\d{1,2})(?:[.:](?P<m>\d{2}))?(?![.,]?\d|\s+\d{3}|\.?\s*(?:kr|kroner|timer?|dager?|døgn|uker?|minutter|min|måneder?|virkedager?|"
        r"arbeidsdager?|kr|%|,-|/|januar|februar|mars|april|mai|juni|juli|august|september|oktober|november|desember)\b)",
    },
    "en": {
        "today": r"(?:later )?today|by the end of (?:the )?(?:business )?day|end of (?:the )?(?:business )?day|eod|cob|"
        r"close of business|this afternoon|later on today|before the end of the day|before we close",
        "tonight": r"tonight|this evening",
        "this_morning": r"this morning",
        "tomorrow": r"tomorrow",
        "overmorrow": r"the day after tomorrow",
        "next_week": r"next week|during next week|early next week|the following week",
        "end_of_week": r"(?:by |before )?the end of (?:the|this) week|end of (?:the|this) week|before the weekend|this week|"
        r"later this week",
        "within": r"(?:within|in|in the next|inside|no later than|over the next)\s+(?:the next\s+)?"
        r"(?P<n>\d+|an|a|one|two|three|four|five|six|seven|eight|nine|ten|twelve|fifteen|twenty|a couple of|a few)?\s*"
        r"(?P<half>half an?\s+)?(?P<unit>hours?|days?|weeks?|minutes|mins?|business days?|working days?)(?![\w])",
        "morning": r"morning|first thing",
        "vague": r"shortly|as soon as possible|asap|soon|in a moment|in a bit|when the \w+ (?:replies|answers|arrives|comes)",
        "clock": r"(?:(?:at|by|before|around|until|till|between|and|from|no later than)\s+|(?=\d{1,2}(?:[.:]\d{2})?\s*(?:am|pm|a\.m\.|p\.m\.)))"
        r"(?P<h>\d{1,2})(?:[.:](?P<m>\d{2}))?\s*(?P<ampm>am|pm|a\.m\.|p\.m\.)?"
        r"(?!\s*(?:st|nd|rd|th|of|january|february|march|april|may|june|july|august|september|october|november|december|hours?|days?|weeks?|minutes|mins?|business|working|%|/)\b)",
    },
}
NUMBER_WORDS = {
    "en": 1,
    "et": 1,
    "ett": 1,
    "an": 1,
    "a": 1,
    "one": 1,
    "to": 2,
    "two": 2,
    "et par": 2,
    "a couple of": 2,
    "tre": 3,
    "three": 3,
    "fire": 4,
    "four": 4,
    "fem": 5,
    "five": 5,
    "seks": 6,
    "six": 6,
    "syv": 7,
    "sju": 7,
    "seven": 7,
    "otte": 8,
    "åtte": 8,
    "eight": 8,
    "ni": 9,
    "nine": 9,
    "ti": 10,
    "ten": 10,
    "tolv": 12,
    "twelve": 12,
    "femten": 15,
    "fifteen": 15,
    "tyve": 20,
    "tjue": 20,
    "twenty": 20,
    "a few": 3,
    "halvanden": 1.5,
    "halvannen": 1.5,
}

# Words that tell the languages apart, for detection when no language is given.
MARKERS = {
    "da": [
        "hvad",
        "af",
        "nu",
        "mig",
        "dig",
        "sig",
        "efter",
        "meget",
        "hvornår",
        "måske",
        "tak",
        "hej",
        "blive",
        "fået",
        "sker",
        "lidt",
        "noget",
        "ud",
        "op",
        "hjælpe",
        "spørgsmål",
        "venlig",
        "også",
        "jeres",
        "ikke",
        "kan",
        "jeg",
        "det",
        "er",
        "har",
        "med",
        "til",
        "på",
        "virker",
        "mange",
        "hvorfor",
        "nej",
        "købt",
        "være",
    ],
    "nb": [
        "hva",
        "av",
        "nå",
        "meg",
        "deg",
        "seg",
        "etter",
        "mye",
        "veldig",
        "kanskje",
        "takk",
        "hei",
        "bli",
        "fått",
        "skjer",
        "litt",
        "noe",
        "ut",
        "opp",
        "hjelpe",
        "spørsmål",
        "vennlig",
        "også",
        "dere",
        "ikke",
        "kan",
        "jeg",
        "det",
        "er",
        "har",
        "med",
        "til",
        "på",
        "fungerer",
        "mange",
        "hvorfor",
        "nei",
        "kjøpt",
        "være",
    ],
    "en": [
        "the",
        "and",
        "you",
        "is",
        "to",
        "it",
        "what",
        "how",
        "this",
        "that",
        "i",
        "we",
        "can",
        "not",
        "please",
        "thanks",
        "hello",
        "hi",
        "my",
        "your",
        "have",
        "does",
        "with",
        "for",
        "of",
        "in",
        "be",
        "are",
    ],
}

# Sentiment lexicon for customer turns, written for wowdesk: word -> strength (-4..4).
SENTIMENT = {
    "da": {
        "tak": 2,
        "takker": 2,
        "god": 2,
        "godt": 2,
        "super": 3,
        "perfekt": 3,
        "fantastisk": 4,
        "glad": 3,
        "tilfreds": 2,
        "dejlig": 3,
        "dejligt": 3,
        "fint": 2,
        "flot": 3,
        "hurtig": 1,
        "hurtigt": 1,
        "virker": 1,
        "fungerer": 1,
        "løst": 2,
        "hjælpsom": 2,
        "venlig": 2,
        "genialt": 3,
        "sød": 2,
        "skønt": 3,
        "tusind": 1,
        "frustreret": -2,
        "frustrerende": -2,
        "irriteret": -2,
        "irriterende": -2,
        "sur": -2,
        "vred": -3,
        "utilfreds": -2,
        "dårlig": -3,
        "dårligt": -3,
        "elendig": -4,
        "elendigt": -4,
        "forkert": -1,
        "fejl": -1,
        "problem": -1,
        "problemer": -1,
        "ærgerligt": -2,
        "skuffet": -2,
        "skuffende": -2,
        "håbløst": -3,
        "langsom": -1,
        "træls": -2,
        "opsige": -2,
        "klage": -2,
        "katastrofe": -4,
        "uacceptabelt": -3,
        "desværre": -1,
        "stinker": -3,
        "orden": 1,
        "ked": -2,
        "bekymret": -2,
        "hjælper": 1,
    },
    "nb": {
        "takk": 2,
        "bra": 2,
        "god": 2,
        "godt": 2,
        "supert": 3,
        "super": 3,
        "perfekt": 3,
        "fantastisk": 4,
        "glad": 3,
        "fornøyd": 2,
        "flott": 3,
        "fint": 2,
        "rask": 1,
        "raskt": 1,
        "fungerer": 1,
        "virker": 1,
        "løst": 2,
        "hjelpsom": 2,
        "genialt": 3,
        "strålende": 3,
        "tusen": 1,
        "frustrert": -2,
        "frustrerende": -2,
        "irritert": -2,
        "irriterende": -2,
        "sint": -3,
        "misfornøyd": -2,
        "dårlig": -3,
        "dårlige": -3,
        "elendig": -4,
        "feil": -1,
        "problem": -1,
        "problemer": -1,
        "skuffet": -2,
        "håpløst": -3,
        "treg": -1,
        "kjipt": -2,
        "klage": -2,
        "uakseptabelt": -3,
        "dessverre": -1,
        "leit": -2,
        "lei": -2,
        "bekymret": -2,
        "hjelper": 1,
    },
    "en": {
        "thanks": 2,
        "thank": 2,
        "great": 3,
        "good": 2,
        "perfect": 3,
        "fantastic": 4,
        "glad": 2,
        "happy": 3,
        "satisfied": 2,
        "excellent": 3,
        "brilliant": 3,
        "helpful": 2,
        "quick": 1,
        "fixed": 1,
        "works": 1,
        "working": 1,
        "love": 3,
        "awesome": 4,
        "amazing": 4,
        "lovely": 3,
        "frustrated": -2,
        "frustrating": -2,
        "annoyed": -2,
        "annoying": -2,
        "angry": -3,
        "unhappy": -2,
        "dissatisfied": -2,
        "bad": -3,
        "terrible": -3,
        "awful": -3,
        "horrible": -3,
        "wrong": -2,
        "error": -1,
        "problem": -1,
        "problems": -1,
        "disappointed": -2,
        "disappointing": -2,
        "useless": -3,
        "slow": -1,
        "cancel": -1,
        "complaint": -2,
        "unacceptable": -3,
        "unfortunately": -1,
        "hate": -3,
        "broken": -2,
        "fails": -2,
        "failed": -2,
        "upset": -2,
        "worried": -2,
        "help": 1,
        "helps": 1,
    },
}
NEGATIONS = {
    "da": {"ikke", "aldrig", "ingen", "intet"},
    "nb": {"ikke", "ikkje", "aldri", "ingen", "ingenting"},
    "en": {"not", "never", "no", "don't", "doesn't", "didn't", "isn't", "wasn't", "can't", "cannot", "won't"},
}
INTENSIFIERS = {
    "da": {"meget", "rigtig", "vildt", "virkelig", "super", "totalt", "helt"},
    "nb": {"veldig", "skikkelig", "virkelig", "kjempe", "helt", "svært"},
    "en": {"very", "really", "so", "extremely", "totally", "completely"},
}

# --- Coach v2: clause structure -------------------------------------------------------------------------
# Interjections that do not change a clause's word order ("Ok, kan du se den?"): skipped before reading it.
INTERJECTIONS = {
    "da": "ok|okay|okey|super|perfekt|godt|fint|flot|fedt|ja|jo|nej|tak|jamen|nå|nåh|aha|ah|åh|hmm|skønt|dejligt|"
    "fantastisk|præcis|klart|selvfølgelig|fair|helt klart|tak for det|mange tak|tusind tak|ok tak|den er god|"
    # hesitation in speech ("Øh, hvor meget vand...")
    "øh|øhm|æh|æhm|hm",
    "nb": "ok|okay|okei|supert|super|perfekt|flott|fint|greit|bra|ja|jo|nei|takk|nå|aha|ah|å|hmm|herlig|"
    "fantastisk|akkurat|klart|selvfølgelig|takk for det|tusen takk|mange takk|eh|ehm|øh|øhm|hm",
    "en": "ok|okay|alright|all right|right|great|sure|perfect|thanks|thank you|yes|no|well|oh|ah|hmm|got it|"
    "lovely|brilliant|cool|fine|of course|excellent|wonderful|understood|fair enough|i see|um|umm|uh|er|erm|hm|"
    "yeah|yep|yup",
}
# Connectors that start a clause but keep it a question when it ends with "?" ("Og nu skal du...?").
CONNECTORS = {
    "da": "og|så|men|altså|nu|og så|men så|jamen",
    "nb": "og|så|men|altså|nå|og så|men så",
    "en": "and|so|but|then|and so|now",
}
# Finite verbs that open a yes/no question (verb first, then the subject).
FINITE_VERBS = {
    "da": "kan|kunne|vil|ville|skal|skulle|må|måtte|har|havde|er|var|gør|gjorde|ved|vidste|synes|tror|bruger|"
    "brugte|ser|så|virker|passer|fungerer|får|fik|kom|kommer|står|sker|hjalp|hjælper|løste|lykkedes|gælder|"
    "mener|ønsker|oplever|findes|bliver|blev|gik|går|hedder|husker|mangler|ligger|betyder|dækker|bor|"
    "modtog|modtager|prøvede|ringer|skriver|kender|vil du|behøver|giver|burde|plejer|sidder|fandt|finder|"
    "ka|va",  # chat spelling: "ka du se den nu", "va der andet"
    "nb": "kan|kunne|vil|ville|skal|skulle|må|måtte|har|hadde|er|var|gjør|gjorde|vet|visste|synes|tror|bruker|"
    "brukte|ser|så|virker|passer|fungerer|får|fikk|kom|kommer|står|skjer|hjalp|hjelper|løste|gikk|går|gjelder|"
    "mener|ønsker|opplever|finnes|blir|ble|heter|husker|mangler|ligger|betyr|dekker|bor|mottok|mottar|"
    "prøvde|ringer|skriver|kjenner|trenger|gir|burde|pleier|sitter|fant|finner|stemmer",
    "en": "can|could|would|will|do|does|did|is|are|was|were|have|has|had|should|shall|may|might|must|won't|r|"
    "can't|don't|doesn't|didn't|isn't|aren't|wasn't|haven't|hasn't|shouldn't|wouldn't|couldn't",
}
SUBJECTS = {
    "da": "du|i|de|det|den|der|man|jeg|vi|han|hun|dit|din|dine|jeres|alt|nogen|noget|appen|koden|pakken|"
    "beløbet|kortet|fejlen|siden|ordren|fakturaen|linket|mailen|systemet|computeren|telefonen|problemet",
    "nb": "du|dere|de|det|den|der|man|jeg|vi|han|hun|ditt|din|dine|deres|alt|noen|noe|appen|koden|pakken|"
    "beløpet|kortet|feilen|siden|ordren|fakturaen|lenken|e-posten|systemet|pc-en|telefonen|problemet",
    "en": "you|it|that|this|there|i|we|they|he|she|your|the|everything|anything|anyone|someone|these|those|my|our|any|"
    "u|ur",  # chat spelling: "do u mean the one on Mill Road"
}
# Verbs after which an embedded question decides open or closed ("Kan du fortælle mig, om...").
EMBEDDING_VERBS = {
    "da": "fortælle|fortæl|sige|sig|vide|ved|spørge|spørg|høre|forklare|forklar|beskrive|beskriv|tjekke|tjek|"
    "bekræfte|bekræft|oplyse|oplys|skrive|skriv|se|huske|undersøge|kigge efter|finde ud af|lade mig vide",
    "nb": "fortelle|fortell|si|vite|vet|spørre|spør|høre|forklare|forklar|beskrive|beskriv|sjekke|sjekk|"
    "bekrefte|bekreft|oppgi|skrive|skriv|se|huske|undersøke|finne ut",
    "en": "tell|know|ask|say|explain|describe|check|confirm|see|remember|find out|let me know|wonder|wondering|"
    "show|advise|telling|explaining|describing|checking|confirming|letting me know|any idea",
}
# Words that open an embedded yes/no question ("om det virker", "whether", "if").
YES_NO_COMPLEMENTIZERS = {
    "da": r"hvorvidt|om(?= (?:du|det|der|i|den|de|man|jeg|vi|han|hun|alt|alle|nogen|noget|dit|din|dine|jeres|"
    r"aftalen|pakken|beløbet|kortet|fejlen|appen|ordren|fakturaen|koden|betalingen|problemet|systemet|"
    r"\w+en|\w+et)\s+(?!(?:og|eller|men|med|i|på|til|for|fra|af|av|om|som|ved|hos)\b)\w+)",
    "nb": r"hvorvidt|om(?= (?:du|det|der|dere|den|de|man|jeg|vi|han|hun|alt|alle|noen|noe|ditt|din|dine|deres|"
    r"avtalen|pakken|beløpet|kortet|feilen|appen|ordren|fakturaen|koden|betalingen|problemet|systemet|"
    r"\w+en|\w+et)\s+(?!(?:og|eller|men|med|i|på|til|for|fra|af|av|om|som|ved|hos)\b)\w+)",
    "en": r"whether|if",
}
# Rhetorical questions: questions that expect no answer ("Hvem kender ikke det?").
RHETORICAL = {
    "da": [
        r"hvem (?:kender|har|vil|kan|elsker|gider|kan lide|synes|ønsker) (?:ikke|da ikke)",
        # who + a verb + not: "Hvem husker ikke sin første mobil?" asks nobody anything
        r"hvem \w+ (?:da |nu )?ikke\b",
        r"hvem gider",
        r"hvem elsker ikke",
        r"hvad (?:kan|skal) man (?:sige|gøre)",
        r"er det ikke (?:bare |altid )?(?:typisk|altid|sådan det er)",
        r"hvem kender ikke",
        r"hvad er der ikke at (?:elske|lide)",
        # who + a verb of liking or wanting, about nobody in particular ("Hvem orker en mandag uden kaffe?";
        # not "Hvem har adgang til din konto?"), or with "vel" ("Hvem gider vel vente?")
        r"hvem (?:\w+ )?vel\b",
        r"hvem (?:orker|gider|elsker|kan lide|hader|siger nej til|har lyst til|vil have|ønsker sig|savner)\b"
        r"(?!.*\b(?:du|dig|din|dit|dine|jer|jeres)\b)",
    ],
    "nb": [
        r"hvem (?:kjenner|har|vil|kan|elsker|liker|gidder|synes|ønsker) ikke",
        r"hvem \w+ (?:da |nå )?ikke\b",
        r"hvem gidder",
        r"hva (?:kan|skal) man (?:si|gjøre)",
        r"er det ikke (?:bare |alltid )?(?:typisk|alltid|sånn det er)",
        r"hva er det ikke å (?:elske|like)",
        r"hvem (?:\w+ )?vel\b",
        r"hvem (?:orker|gidder|elsker|liker|hater|sier nei til|har lyst på|har lyst til|vil ha|ønsker seg|savner)\b"
        r"(?!.*\b(?:du|deg|din|ditt|dine|dere|deres)\b)",
    ],
    "en": [
        r"who (?:doesn't|does not|wouldn't|hasn't|has not|isn't|didn't|can't|won't|does not) ",
        r"who (?:wants|likes|needs) (?:that|more)",
        r"what can you do\b",
        r"isn't (?:it|that) always",
        r"what's not to (?:like|love)",
        r"who knew",
        r"who would have thought",
        r"who (?:likes|loves|enjoys|hates|wants|fancies|says no to|would say no to|can resist)\b(?!.*\byour?\b)",
    ],
}

# Statements that do not give a solution even though they name an action: holding, looking, noting.
NOT_SOLUTION = {
    "da": [
        r"^et (?:øjeblik|øjeblik)",
        r"^(?:lige )?(?:et )?øjeblik",
        r"^(?:jeg|lad mig) (?:lige )?(?:kigger?|tjekker?|ser|slår|undersøger|finder)(?=\s)",
        r"^lad mig (?:lige )?(?:se|kigge|tjekke|høre|undersøge)",
        r"^jeg (?:har )?(?:noteret|skrevet det ned|modtaget)",
        r"^(?:tak for|mange tak|tusind tak)",
        r"^vent lige",
        r"^jeg kan se,? at",
        r"^(?:jeg|vi) har (?:modtaget|fået) (?:din|jeres)",
        r"^så (?:du|i)(?=\s)(?!\s(?:kan|skal|må|får)\b)",
        r"^(?:selv tak|ingen årsag|det var så lidt|velbekomme|selvfølgelig|det er helt i orden)",
        r"\bjeg (?:kigger|tjekker|ser) (?:lige )?(?:på det|efter|det)\b",
        r"^\d+ sek\b|^(?:to|et|et par) sek(?:under)?\b|\bså slår jeg\b|^lad os (?:lige )?(?:starte|tage|kigge)\b|^vi tager \w+ først",
        # offers to help, thanks and apologies for waiting: polite, but no answer yet
        r"^(?:det )?(?:kan|skal|vil) (?:jeg|vi) (?:godt |gerne |nok |sagtens )?hjælpe (?:dig |jer )?med\b",
        r"^(?:jeg|vi) hjælper (?:dig |jer )?gerne\b|^lad os (?:lige )?(?:se|kigge) på det\b",
        r"^(?:beklager|undskyld) (?:ventetiden|at du har måttet vente)|^tak fordi (?:du|i) venter|^tak for tålmodigheden",
        r"^(?:jeg|vi) (?:skal |vil )?(?:lige |hurtigt |bare )?(?:kigge|kigger|tjekke|tjekker|undersøge|undersøger|slå|slår|høre|hører) "
        r"(?:lige |hurtigt |efter|på det|på sagen|op|nærmere|med en kollega|i systemet)",
        r"^(?:giv|lad) mig (?:lige )?(?:et|to|et par|fem|et lille) (?:øjeblik|minut|minutter|sekund)|^(?:jeg er|så er jeg) (?:lige )?tilbage\b",
        r"^lad mig (?:\w+ ){0,2}(?:se|kigge|tjekke|finde|slå|undersøge|høre)\b",
        # a short evaluation or reassurance answers nothing: "Det lyder godt.", "Jeg er her stadig."
        r"^(?:det|den) (?:lyder|ser|er|var) (?:helt |rigtig |virkelig )?(?:godt|fint|rigtigt|perfekt|dejligt|super|i orden|ok|okay)\W*$",
        r"^(?:jeg er|er) (?:her )?stadig(?: her)?\b|^jeg er her\W*$",
        r"^tak for (?:oplysningerne|informationen|det|svaret|nummeret|billedet)\W*$|^ingen problem",
    ],
    "nb": [
        r"^(?:et )?(?:lite )?øyeblikk",
        r"^(?:jeg|la meg) (?:bare )?(?:ser|sjekker|sjekke|kikker|kikke|slår|undersøker|finner|se)(?=\s)",
        r"^la meg (?:bare )?(?:se|sjekke|høre|undersøke)",
        r"^jeg (?:har )?(?:notert|skrevet det ned|mottatt)",
        r"^(?:takk for|tusen takk|mange takk)",
        r"^vent litt",
        r"^jeg ser at",
        r"^(?:jeg|vi) har (?:mottatt|fått) (?:din|deres)",
        r"^så (?:du|dere)(?=\s)(?!\s(?:kan|skal|må|får)\b)",
        r"^(?:bare hyggelig|ingen årsak|selv takk|det var så lite)",
        r"\bjeg (?:sjekker|kikker|ser) (?:bare )?(?:på det|nå|etter)\b",
        r"^\d+ sek\b|^(?:to|et|et par) sek(?:under)?\b|\bså slår jeg\b|^la oss (?:bare )?(?:starte|ta|se)\b|^vi tar \w+ først",
        r"^(?:det )?(?:kan|skal|vil) (?:jeg|vi) (?:gjerne |nok |fint )?hjelpe (?:deg |dere )?med\b",
        r"^(?:jeg|vi) hjelper (?:deg |dere )?gjerne\b|^la oss (?:bare )?se på det\b",
        r"^(?:beklager|unnskyld) (?:ventetiden|at du har måttet vente)|^takk for at du venter|^takk for tålmodigheten",
        r"^(?:jeg|vi) (?:skal |vil )?(?:bare |kjapt |raskt )?(?:sjekke|sjekker|se|ser|kikke|kikker|undersøke|undersøker|slå|slår|høre|hører) "
        r"(?:bare |kjapt |etter|på det|på saken|opp|nærmere|med en kollega|i systemet)",
        r"^gi meg (?:bare )?(?:et|to|et par|fem|et lite) (?:øyeblikk|minutt|minutter|sekund)|^(?:jeg er|da er jeg) (?:straks )?tilbake\b",
        r"^la meg (?:\w+ ){0,2}(?:se|sjekke|kikke|finne|slå|undersøke|høre)\b",
        r"^(?:det|den) (?:høres|ser|er|var) (?:helt |veldig |virkelig )?(?:bra|fint|riktig|perfekt|supert|flott|i orden|ok|greit)(?: ut)?\W*$",
        r"^(?:jeg er|er) (?:her )?(?:fortsatt|fremdeles)(?: her)?\b|^jeg er her\W*$",
        r"^takk for (?:opplysningene|informasjonen|det|svaret|nummeret|bildet)\W*$|^ikke noe problem",
    ],
    "en": [
        r"^(?:one|just a) (?:moment|second|sec|minute)",
        r"^(?:let me|i'll just|i will just|i'm just|i am just) (?:check|look|see|have a look|pull up|find)",
        r"^(?:i'm|i am) (?:checking|looking|pulling)",
        r"^(?:thanks|thank you|many thanks)",
        r"^i (?:can )?see (?:that|here)",
        r"^(?:i|we)(?:'ve| have) (?:received|got) your",
        r"^bear with me",
        r"^let's (?:do|start|take|sort|look)\b|^(?:two|2|one|1) (?:sec|secs|seconds)\b",
        r"^i(?:'ve| have) noted",
        r"^so you(?=\s)(?!\s(?:can|need to|should|just|will)\b)(?!'ll\b)",
        r"^(?:you're welcome|no problem|no worries|my pleasure|not at all)",
        r"\b(?:checking|looking into it|looking now) now\b|\bchecking now\b",
        r"^i(?:'d| would) be (?:happy|glad) to help\b|^(?:i|we) can (?:definitely |certainly )?help (?:you )?with (?:that|this)\b",
        r"^(?:happy|glad) to help\b|^let me help\b|^let's (?:have a look|take a look)\b",
        r"^(?:sorry|apologies) (?:for|about) the wait|^thanks for (?:waiting|your patience)|^thank you for (?:waiting|your patience)",
        r"^(?:let me|i'll|i will|i'm going to) (?:\w+ ){0,2}(?:check|look|see|have a look|pull up|find|take a look|look into)\b",
        r"^(?:give me|bear with me|hang on|hold on|one moment|one sec|just a sec|a moment)\b|^i'm (?:still here|back)\b|^thanks for holding\b",
        r"^(?:that|it|this) (?:sounds|looks|is|'s) (?:really |very )?(?:good|great|fine|right|perfect|ok|okay|lovely)\W*$",
        r"^(?:that's|it's) (?:really |very )?(?:good|great|fine|right|perfect|ok|okay|lovely|no problem)\W*$|^i'm here\W*$",
        r"^(?:thanks|thank you) for (?:the details|the information|that|confirming)\W*$|^no problem\b",
    ],
}
# Offers phrased as questions ("Skal jeg sende dig en ny kode?"): they present a solution.
OFFER_QUESTION = {
    "da": [
        r"^skal (?:jeg|vi)(?=\s)(?!\s(?:ringe dig|ringe til dig|kontakte))",
        r"^vil du have,? at (?:jeg|vi)",
        r"^(?:kan|må) jeg tilbyde",
        r"^(?:vil|ønsker) du (?:have )?(?:en|et) (?:ny|nyt|gratis|erstatning|refusion|kompensation|rabat)",
        r"^hvad siger du til",
        r"^passer det (?:dig|jer),? (?:at|hvis)",
    ],
    "nb": [
        r"^skal (?:jeg|vi)(?=\s)(?!\s(?:ringe deg|kontakte))",
        r"^vil du at (?:jeg|vi)",
        r"^(?:kan|får) jeg tilby",
        r"^(?:vil|ønsker) du (?:ha )?(?:en|et|ett) (?:ny|nytt|gratis|erstatning|refusjon|kompensasjon|rabatt)",
        r"^hva sier du til",
        r"^passer det (?:deg|dere),? (?:at|om)",
    ],
    "en": [
        r"^(?:shall|should) i(?=\s)(?!\s(?:call you|contact))",
        r"^(?:would|do) you (?:like|want) me to",
        r"^can i offer",
        r"^would you like (?:a|an) (?:new|free|replacement|refund|voucher|discount)",
        r"^how about (?:i|we)",
        r"^would it help if (?:i|we)",
    ],
}
# English words before "try" that make it an instruction to the customer ("Log out and try again").
WEAK_EXEMPT = {
    "da": [],
    "nb": [],
    "en": ["and", "then", "please", "just", "so", "simply", "now", "first", "also", "again", "kindly"],
}
# A negation whose scope reaches the next weak word ("du behøver ikke prøve", "no need to try").
NEGATION_SCOPE = {
    "da": r"\bikke|\baldrig|\bingen grund til at|\bikke nødvendigt at|\buden at",
    "nb": r"\bikke|\baldri|\bingen grunn til å|\bikke nødvendig å|\buten å",
    "en": r"\bnot|n't|\bnever|\bno need to|\bwithout",
}
# What the customer says back: it works / yes / a description of the problem.
CUSTOMER_WORKS = {
    "da": [
        r"\b(?:det|den|nu) (?:virker|fungerer|spiller|kører)\b(?! ikke)",
        r"\bvirker (?:nu|igen|fint|perfekt)\b",
        r"\b(?:fik|fået|modtog|modtaget|kom|kommet) (?:den|det|koden|mailen|pengene|kreditnotaen|ind|igennem)\b",
        r"\b(?:kan|kunne) (?:nu |godt )?(?:se|logge|komme|finde|åbne|betale)\b",
        r"\bnu (?:kan|kunne|er|står|ser|lyser|blinker|gik)\b",
        r"\b(?:det|den) (?:gik|lykkedes|hjalp)\b",
        r"\bden (?:er|kom) (?:kommet|der|fremme)\b",
        r"\bdet er (?:løst|ordnet|i orden)\b",
        r"\bja,? (?:det|den) (?:er|gjorde|kom|virker)\b",
        # the past and a result that came: "det virkede", "Nu kom billedet", "Der var den!"
        r"\b(?:det|den|nu|så) (?:virkede|fungerede|spillede)\b",
        r"\bnu (?:kom|virker|fungerer|er \w+ (?:kommet|væk|der|tilbage))\b",
        r"\bder (?:var|er) (?:den|det|de)\b(?! ikke)",
    ],
    "nb": [
        r"\b(?:det|den|nå) (?:virker|fungerer|funker|går)\b(?! ikke)",
        r"\bvirker (?:nå|igjen|fint|perfekt)\b",
        r"\b(?:fikk|fått|mottok|mottatt|kom|kommet) (?:den|det|koden|e-posten|pengene|kvittering|kvitteringen|inn|gjennom)\b",
        r"\b(?:kan|kunne) (?:nå |fint )?(?:se|logge|komme|finne|åpne|betale)\b",
        r"\bnå (?:kan|kunne|er|står|ser|lyser|gikk)\b",
        r"\b(?:det|den) (?:gikk|lyktes|hjalp)\b",
        r"\bdet er (?:løst|ordnet|i orden)\b",
        r"\bja,? (?:det|den) (?:er|gjorde|kom|virker)\b",
        r"\b(?:det|den|nå|så) (?:virket|fungerte|funket)\b",
        r"\bnå (?:kom|virker|fungerer|funker|er \w+ (?:kommet|borte|der|tilbake))\b",
        r"\bder (?:var|er) (?:den|det|de)\b(?! ikke)",
    ],
    "en": [
        r"\b(?:it|that|this)(?:'s| is)? (?:works?|working|worked|fixed|sorted)\b",
        r"\b(?:it|that) (?:did|does)\b(?! not|n't)",
        r"\b(?:got|received|have) (?:it|the (?:email|code|link|money|refund|credit))\b",
        r"\b(?:can|could) (?:now |finally )?(?:see|log|get|find|open|pay|access)\b(?! not)",
        r"\b(?:i'm|i am) (?:in|back in)\b",
        r"\bnow (?:it|i|the)\b",
        r"\bgot it working\b",
        r"\b(?:it's|it is|they're|they are|that's) (?:there|back|through|gone) now\b",
        r"\bthere it is\b",
    ],
}
CUSTOMER_YES = {
    "da": [
        r"ja\b",
        r"jep",
        r"jo\b",
        r"korrekt",
        r"præcis",
        r"nemlig",
        r"det (?:er|stemmer) (?:rigtigt|korrekt)",
        r"rigtigt",
        r"yes",
    ],
    "nb": [
        r"ja\b",
        r"jepp?",
        r"jo\b",
        r"korrekt",
        r"akkurat",
        r"nettopp",
        r"stemmer",
        r"det stemmer",
        r"riktig",
        r"yes",
    ],
    "en": [r"yes", r"yeah", r"yep", r"yup", r"correct", r"exactly", r"that's right", r"right\b", r"indeed", r"spot on"],
}
# The customer accepts what the agent said or did ("Okay, det lyder fint", "Greit", "OK, I've sent it"): a
# short reply without a problem or a question; a closed question after it checks the solution.
CUSTOMER_ACCEPTS = {
    "da": r"^\W*(?:ok|okay|okey|oki|fint|super|perfekt|godt|dejligt|fedt|skønt|fantastisk|aftale|deal|top|"
    r"det (?:lyder|er|ser) (?:godt|fint|perfekt|dejligt)|det passer|lyder (?:godt|fint))(?!\w)",
    "nb": r"^\W*(?:ok|okay|oki|greit|fint|supert|super|perfekt|flott|bra|topp|avtale|deal|"
    r"det (?:høres|ser) (?:bra|fint|greit) ut|det passer|det er (?:greit|fint|bra))(?!\w)",
    "en": r"^\W*(?:ok|okay|great|perfect|fine|lovely|brilliant|excellent|cool|deal|done|sounds (?:good|great|fine)|"
    r"that (?:works|sounds good|'s fine|is fine)|that's great)(?!\w)",
}
CUSTOMER_PROBLEM = {
    "da": [
        r"\bkan ikke\b",
        r"\bvirker ikke\b",
        r"\bfejl",
        r"\bproblem",
        r"\bmangler\b",
        r"\bafvist",
        r"\bikke kommet\b",
    ],
    "nb": [
        r"\bkan ikke\b",
        r"\bvirker ikke\b",
        r"\bfeil",
        r"\bproblem",
        r"\bmangler\b",
        r"\bavvist",
        r"\bikke kommet\b",
    ],
    "en": [
        r"\bcan(?:'t|not)\b",
        r"\bdoesn't work\b",
        r"\berror",
        r"\bproblem",
        r"\bmissing\b",
        r"\bdeclined\b",
        r"\bhasn't arrived\b",
    ],
}

# A closed question that explicitly checks the agent understood the need (whatever came before it).
UNDERSTANDING = {
    "da": [
        r"hvis jeg forstår (?:dig|jer|det) (?:ret|rigtigt|korrekt)",
        r"har jeg forstået (?:det |dig |jer )?(?:ret|rigtigt|korrekt)",
        r"forstår jeg (?:det|dig|jer) (?:ret|rigtigt|korrekt)",
        r"er det (?:rigtigt|korrekt) forstået",
        r"for at være (?:helt )?sikker",
        r"bare for at være sikker",
        r"lige for at (?:være sikker|opsummere)",
        r"hvis jeg skal opsummere",
        # asking whether the agent's reading is true: "Er det rigtigt, at...?", "Mener du, at...?", a cleft
        # about the matter "Er det fakturaen fra marts, vi taler om?"
        r"^(?:er|var) det (?:\w+ )?(?:rigtigt|korrekt|sandt|sådan)\b",
        r"^stemmer det\b",
        r"^(?:mener|tænker) (?:du|i)\b,? (?:at|sådan)\b|^mener (?:du|i) (?:\w+ )?(?:ikke )?\W*$",
        r"^(?:skal|må) jeg forstå (?:det|dig|jer)",
        r"\b(?:vi|du|i) (?:taler|snakker|tænker) (?:om|på)\W*$|\bdet (?:drejer sig|handler) om\W*$|\b(?:du|i) mener\W*$",
    ],
    "nb": [
        r"hvis jeg forstår (?:deg|dere|det) riktig",
        r"har jeg forstått (?:det |deg |dere )?riktig",
        r"forstår jeg (?:det|deg|dere) riktig",
        r"er det riktig forstått",
        r"for å være (?:helt )?sikker",
        r"bare for å (?:være sikker|oppsummere)",
        r"^(?:er|var) det (?:\w+ )?(?:riktig|korrekt|sant|sånn|slik)\b",
        r"^stemmer det\b",
        r"^(?:mener|tenker) (?:du|dere)\b,? (?:at|sånn|slik)\b",
        r"^(?:skal|må) jeg forstå (?:det|deg|dere)",
        r"\b(?:vi|du|dere) (?:snakker|tenker|prater) (?:om|på)\W*$|\bdet (?:dreier seg|handler) om\W*$|\b(?:du|dere) mener\W*$",
    ],
    "en": [
        r"if i understand (?:you |this |that )?(?:correctly|right)",
        r"have i understood (?:you |this |that )?(?:correctly|right)",
        r"do i understand (?:you |this |that )?(?:correctly|right)",
        r"am i right (?:in thinking|that)",
        r"just to (?:confirm|be sure|check|clarify|make sure)",
        r"to make sure i understand",
        r"so if i(?:'ve| have) got (?:this|that|it) right",
        r"have i got (?:this|that|it) right",
        r"^(?:is|was) (?:it|that) (?:\w+ )?(?:right|correct|true|the case)\b",
        r"^(?:do|did) you mean\b|^are you saying\b|^you mean\b",
        r"\b(?:we're|we are|you're|you are) (?:talking|thinking) (?:about|of)\W*$|\byou mean\W*$",
    ],
}
# A closed question about what the customer wants: a need, also after a solution.
WANT_QUESTION = {
    "da": [
        r"^(?:vil|ønsker|skal) du (?:gerne |stadig |fortsat |så )?(?:have|beholde|bytte|skifte|opsige|flytte|bestille|fortsætte)\b",
        r"^vil du gerne\b",
        r"^foretrækker du\b",
        r"^(?:har) (?:du|i) (?:\w+ )?brug for\b|^mangler (?:du|i)\b",
    ],
    "nb": [
        r"^(?:vil|ønsker|skal) du (?:gjerne |fortsatt |likevel |da )?(?:ha|beholde|bytte|si opp|flytte|bestille|fortsette)\b",
        r"^vil du gjerne\b",
        r"^foretrekker du\b",
        r"^(?:trenger|mangler) (?:du|dere)\b|^har (?:du|dere) (?:\w+ )?behov for\b",
    ],
    "en": [
        r"^(?:do|would) you (?:still )?(?:want|like|prefer|rather)\b",
        r"^are you still (?:keen|looking|planning)\b",
        r"^do you (?:still |also )?need\b",
    ],
}
# Farewells: "God tur!", "Enjoy your workout!", "See you at four." (not a greeting at the start).
FAREWELL = {
    "da": r"\bog god dag\b|^(?:og )?(?:god|godt|rigtig god|fortsat god) (?!dag\b|morgen\b|eftermiddag\b)\w+(?:\s+\w+){0,3}(?:,\s*\w+)?\W*$|(?:^|,\s*|\bog\s+)god (?!dag\b|morgen\b)\w+(?:,\s*\w+(?:\s+\w+)?)?\W*$|^(?:vi ses|vi høres|pas (?:godt )?på dig|hav det godt|god dag|held og lykke|snakkes)\b|\bønsker (?:jeg )?(?:dig|jer) (?:en|et|god)\b|\bhej hej\b|,? og god \w+\W*$|^(?:og )?(?:jeg |vi )?håber,? (?:at )?\w+|^så (?:siger (?:vi|jeg) )?(?:god|rigtig god|fortsat god) \w+|^(?:og |så )?(?:hyg dig|hyg jer|nyd \w+|god fornøjelse|god tur|rigtig god tur|god rejse)\b|(?:^|,\s*|\bog\s+)(?:vi snakkes|kør forsigtigt|kør godt hjem|pas (?:godt )?på (?:dig|jer) selv|god bedring|rigtig god bedring)\b|(?:,\s*|\bog\s+)(?:god|rigtig god) (?:tur|rejse|ferie|weekend|fornøjelse)\b|^(?:\w+,\s*)?(?:vi ses|vi høres) (?:senere|snart|i morgen|på \w+)\b",
    "nb": r"\bog god dag\b|^(?:og )?(?:god|godt|riktig god|fortsatt god) (?!dag\b|morgen\b|ettermiddag\b)\w+(?:\s+\w+){0,3}(?:,\s*\w+)?\W*$|(?:^|,\s*|\bog\s+)god (?!dag\b|morgen\b)\w+(?:,\s*\w+(?:\s+\w+)?)?\W*$|^(?:vi ses|vi høres|snakkes|ha det (?:bra|godt|fint)?|lykke til|god dag)\b|\bønsker (?:jeg )?(?:deg|dere) (?:en|et|god)\b|\bhei hei\b|,? og god \w+\W*$|^(?:og )?(?:jeg |vi )?håper,? (?:at )?\w+|^så (?:sier (?:vi|jeg) )?(?:god|riktig god|fortsatt god) \w+|^(?:og |så )?(?:kos deg|kos dere|nyt \w+|god tur|god reise|lykke til)\b|(?:^|,\s*|\bog\s+)(?:vi snakkes|kjør (?:forsiktig|trygt)|ta (?:godt )?vare på (?:deg|dere)(?: selv)?|god bedring|hadet)\b|(?:,\s*|\bog\s+)(?:god|riktig god) (?:tur|reise|ferie|helg)\b|^(?:og )?ha (?:en|et) (?:fin|fint|god|godt|flott|herlig|deilig|riktig fin|riktig god) \w+(?:\s+\w+){0,2}\W*$|^(?:\w+,\s*)?(?:vi ses|vi høres) (?:senere|snart|i morgen|på \w+)\b",
    "en": r"^(?:enjoy|good luck|safe travels|see you|good night|take care|all the best|have a \w+ \w+|cheers|bye|goodbye|speak soon|talk soon|talk later)\b|\b(?:have a (?:good|great|nice|lovely|wonderful) \w+|enjoy (?:your|the) \w+)\W*$|^(?:and )?(?:i |we )?hope (?!to (?!see |hear |welcome ))(?:that )?\w+|^(?:and |so )?(?:have fun|have a (?:great|good|lovely|nice|safe) (?:time|trip|journey|flight|holiday))\b|(?:^|,\s*|\band\s+)(?:see you (?:later|then|soon|tomorrow|on \w+)|get well soon|drive safe(?:ly)?|safe journey|take care of yourself)\b|(?:,\s*|\band\s+)enjoy (?:[\w'-]+ ){0,3}[\w'-]+\W*$|^(?:and )?(?:best wishes|good luck|all the best) (?:for|with) \w+|^night,?\s+\w+\W*$|(?:,\s*|\band\s+)(?:i |we )hope (?:that )?you(?:'re| are| have|'ve)? (?:settling|feeling|getting|enjoying|doing|settled|feel)\b",
}
# Phone openings: "Bredbånd Øst, det er Kasper.", "Castle Street Garage, Jim speaking.", "Borgerservice, goddag."
PHONE_GREETING = {
    "da": r"^[\w&.-]+(?: [\w&.-]+){0,3},\s*(?:(?:øh|øhm|ehm|eh),?\s*)?(?-i:[A-ZÆØÅ])\w+(?: her)?[.!]?$|(?:^|,\s*)(?:det er|du taler med|du snakker med|du skriver med|du chatter med) (?-i:[A-ZÆØÅ])\w+|,\s*(?:goddag|god dag|hej|god morgen)\b",
    "nb": r"^[\w&.-]+(?: [\w&.-]+){0,3},\s*(?:(?:øh|øhm|ehm|eh),?\s*)?(?-i:[A-ZÆØÅ])\w+(?: her)?[.!]?$|(?:^|,\s*)(?:det er|du snakker med|du prater med|du skriver med|du chatter med) (?-i:[A-ZÆØÅ])\w+|,\s*(?:god dag|goddag|hei|god morgen)\b",
    "en": r"^[\w&.-]+(?: [\w&.-]+){0,3},\s*(?:(?:um|er|erm),?\s*)?(?-i:[A-Z])\w+(?: here)?[.!]?$|you(?:'re| are) through to (?-i:[A-Z])\w+|(?-i:[A-Z])\w+ speaking\b|(?:^|,\s*)(?:this is|it's) (?-i:[A-Z])\w+(?: (?:from|at|with|here))?|,\s*(?:good morning|good afternoon|hello|hi)\b",
}

# A statement with "?" about what the customer needs or wants: it confirms the need, also after a solution.
NEED_STATEMENT = {
    "da": r"^(?:så |altså |og )?(?:du|i|jeres \w+|din \w+|dit \w+)\s+(?:\w+\s+)?(?:vil|trenger|har brug for|skal bruge|mangler|ønsker|skal have|vil have|kan ikke|kunne ikke|har ikke|er ikke|får ikke|fik ikke|har stadig|ikke)\b",
    "nb": r"^(?:så |altså |og )?(?:du|dere|deres \w+|din \w+|ditt \w+)\s+(?:\w+\s+)?(?:vil|trenger|har behov for|mangler|ønsker|skal ha|vil ha|kan ikke|fikk ikke|får ikke|har ikke|er ikke|har fortsatt|ikke)\b",
    "en": r"^(?:so |and )?(?:you|your \w+)\s+(?:\w+\s+)?(?:want|need|would like|'d like|wish|can't|cannot|couldn't|haven't|hasn't|didn't|don't|aren't|weren't|still|are still|have no|never)\b|^so you(?:'d| would) like|^so you(?:'ve| have) (?:hit|run|lost|been)",
}

# Words that state a problem in a statement with "?": it restates the need rather than checking a result.
PROBLEM_WORDS = {
    "da": r"ikke|ik|aldrig|ingen|intet|stadig|fortsat|uden|fejl|fejlen|afvist|afviser|mangler|problem|problemet|"
    r"kan ikke|virker ikke|igen og igen",
    "nb": r"ikke|aldri|ingen|intet|fortsatt|fremdeles|uten|feil|feilen|avvist|avviser|mangler|problem|problemet",
    "en": r"not|n't|never|no|none|nothing|still|without|error|declined|rejected|missing|problem|broken|wrong",
}
# Asking the customer to agree to the plan or the result just said back ("Så kommer du kl. 10.30, er vi enige om
# det?", "Så er vi enige om, at jeg kommer i morgen?", "So we're agreed: I'll call you on Monday?"): after a
# solution it puts the plan to the customer for acceptance (solution_accept, LABELS.md), whatever else the sentence
# says back.
AGREEMENT = {
    "da": r"\b(?:er vi|så er vi|vi er) enige\b|\b(?:er det|har vi) en aftale\b",
    "nb": r"\b(?:er vi|så er vi|vi er) (?:enige|enig|omforent)\b|\b(?:er det|har vi) en avtale\b",
    "en": r"\b(?:are we|we're|we are|is that) agreed\b|\b(?:do we have|is it|is that) a deal\b",
}
# A yes/no question about something new (not the result of the solution).
SOMETHING_NEW = {
    "da": r"også|ellers|andre|anden|andet|nogen andre|flere",
    "nb": r"også|ellers|andre|annen|annet|noen andre|flere",
    "en": r"also|else|other|another|too|as well|any more",
}
# A promise to answer: in the agent's first message (a receipt) it greets rather than solves.
REPLY_PROMISE = {
    "da": r"svarer|svare|besvarer|besvare|vender tilbage|vende tilbage|kontakter dig|kontakte dig|hører fra",
    "nb": r"svarer|svare|besvarer|besvare|kommer tilbake|komme tilbake|kontakter deg|kontakte deg|hører fra",
    "en": r"reply|replies|respond|responds|get back|be in touch|answer|contact you|hear from",
}
# Asking the customer for information ("Send mig dit ordrenummer", "Jeg skal bruge dit kundenummer", "I'll
# need your account number") gathers facts: the need, even as an instruction or a statement.
INFO_REQUEST = {
    "da": r"^(?:sende?|skrive?|give?|oplyse?|angive?|vedhæfte?|uploade?)(?: (?:mig|os))?(?: (?:gerne|lige|venligst|også|bare))*"
    r" (?:dit|din|dine|jeres|et billede|billeder|en kopi|et skærmbillede|et screenshot|nummeret|adressen|navnet)\b"
    r"|\b(?:jeg|vi) (?:skal (?:lige |også )?bruge|har brug for|mangler|må bede om|vil gerne bede om)"
    r" (?:dit|din|dine|jeres|et|en|lidt|nogle|flere|et par) "
    # the same by its parts: who asks (jeg/vi, also after a fronted clause: "For at hjælpe har jeg brug for..."; du
    # told to give; "Må jeg få...") and what (the customer's number, name, address, a picture)
    r"|\b(?:(?:jeg|vi) (?:skal |må |vil |kan )?|(?:har|skal|må|mangler) (?:jeg|vi) |(?:må|kan) jeg )"
    r"(?:lige |bare |også |først |gerne |lige hurtigt )*(?:bruge|have|få|bede om|brug for|har brug for|mangler)"
    r" (?:\w+ )?(?:dit|din|dine|jeres|et billede|billeder|en kopi|et skærmbillede|\w*nummer(?:et)?\b)"
    r"|\bmangler (?:jeg|vi) (?:lige |bare |også |først )*(?:dit|din|dine|jeres|et billede|\w*nummer(?:et)?\b)"
    r"|\b(?:du|i) (?:skal|må|kan) (?:lige |bare |også |gerne |først )*(?:give|sende|oplyse|skrive|fortælle)"
    r"(?: (?:mig|os))? (?:\w+ )?(?:dit|din|dine|jeres|et billede|\w*nummer(?:et)?\b)",
    "nb": r"^(?:sende?|skrive?|gi|oppgi|legg(?:e)? ved|last(?:e)? opp)(?: (?:meg|oss))?(?: (?:gjerne|bare|også))*"
    r" (?:ditt|din|dine|deres|et bilde|bilder|en kopi|et skjermbilde|nummeret|adressen|navnet)\b"
    r"|\b(?:jeg|vi) (?:trenger|må ha|mangler|må be om) (?:ditt|din|dine|deres|et|en|litt|noen|flere|et par) "
    r"|\b(?:(?:jeg|vi) (?:må |skal |kan )?|(?:trenger|må|mangler|skal) (?:jeg|vi) |(?:kan|får) jeg )"
    r"(?:bare |også |først |gjerne )*(?:trenger|ha|få|be om|mangler)"
    r" (?:\w+ )?(?:ditt|din|dine|deres|et bilde|bilder|\w*nummer(?:et)?\b|\w+(?:et|en|a|ene) (?:ditt|din|dine|deres)\b)"
    r"|\b(?:trenger|mangler) (?:jeg|vi) (?:bare |også |først )*(?:\w+ )?(?:ditt|din|dine|deres|et bilde|"
    r"\w*nummer(?:et)?\b|\w+(?:et|en|a|ene) (?:ditt|din|dine|deres)\b)"
    r"|^(?:(?:du|dere) (?:må|skal|kan) )?(?:bare |også |gjerne |først )*(?:gi|sende|oppgi|skrive)(?: (?:meg|oss))?"
    r" (?:\w+(?:et|en|a|ene) (?:ditt|din|dine|deres)|\w*nummer(?:et)? (?:ditt|din|deres))\b",
    "en": r"^(?:please )?(?:send|give|tell|provide|share|attach|upload)(?: (?:me|us))?(?: (?:please|just|also))*"
    r" (?:your|a photo|photos|a copy|a screenshot|the (?:number|address|reference|name))\b"
    r"|\b(?:i|we)(?:'ll| will)? (?:just )?need (?:your|a|the|some|more|a few) "
    r"|\b(?:i|we)(?:'ll| will)? (?:just |first )?need to (?:take|have|get|grab|check) (?:your|a|the) "
    r"|^(?:please )?(?:send|give|tell|provide|share)(?: (?:me|us))?(?: (?:please|just|also))* the (?:\w+ )?"
    r"(?:number|address|reference|name|details|code|postcode)\b"
    r"|^(?:please )?let (?:me|us) know (?:your|the (?:\w+ )?(?:number|address|reference|name))\b",
}
# Holding: the agent is looking into the matter, not answering it yet. Read by its structure, not by phrase:
# a first-person subject (or none, in chat: "checking now"), an optional modal and small adverbs, then a verb
# of looking something up, in the present or the near future ("Jeg kigger lige på din ordre", "I'm going to
# check with my colleague", "Vi undersøker saken nå", "Det tjekker jeg lige"); a bare wait ("Lige to
# sekunder", "Two ticks"); an apology or a short evaluation with nothing after it ("Sorry about that", "I
# see, that's not good"); a receipt ("Tak, det er modtaget"). A sentence that also gives a result is caught
# before this by the solution patterns only when it is not holding, so these stop at the verb phrase's
# object and the sentence is kept short (analyzer._HOLDING_WORDS).
_LOOK_DA = (
    r"(?:kigge|kigger|kikke|kikker|tjekke|tjekker|checke|checker|undersøge|undersøger|slå|slår|høre|hører|spørge|"
    r"spørger|søge|søger|hente|henter|åbne|åbner|gennemgå|gennemgår|have fat|få fat|grave|graver|dykke|dykker|"
    r"forhøre|forhører|(?:se|ser)(?=\s+(?:på|efter|lige|nærmere|nu|hvad|om|i)\b|\W*$)|(?:finde|finder) ud af|"
    r"(?:finde|finder) (?:\w+ ){0,3}frem)"
)
_LOOK_NB = (
    r"(?:sjekke|sjekker|kikke|kikker|titte|titter|undersøke|undersøker|slå|slår|høre|hører|spørre|spør|søke|søker|"
    r"hente|henter|åpne|åpner|gå gjennom|går gjennom|få tak|grave|graver|forhøre|forhører|"
    r"(?:se|ser)(?=\s+(?:på|etter|bare|nærmere|nå|hva|om|i)\b|\W*$)|(?:finne|finner) ut|(?:finne|finner) (?:\w+ ){0,3}(?:fram|frem))"
)
_LOOK_EN = (
    r"(?:check|checking|look|looking|pull|pulling|bring|bringing|go through|going through|ask|asking|investigate|"
    r"investigating|dig|digging|search|searching|have a (?:quick |closer )?look|take a (?:quick |closer )?look|"
    r"taking a (?:quick |closer )?look|review|reviewing|double-check|double-checking|verify|verifying|"
    r"find out|finding out|(?:see|seeing)(?=\s+(?:what|if|whether|how|about|now|why|where)\b|\W*$))"
)
_WAIT = {
    "da": r"(?:et |lige |lidt |to |tre |et par |fem |2 |5 |par )*(?:øjeblik|øjeblikke|sekund|sekunder|sek|minut|minutter|min)",
    "nb": r"(?:et |bare |litt |to |tre |et par |fem |2 |5 |par )*(?:øyeblikk|sekund|sekunder|sek|minutt|minutter|min)",
    "en": r"(?:a |one |just |two |three |a few |five |2 |5 |few |quick )*(?:moment|moments|sec|secs|second|seconds|minute|minutes|mins?|ticks?|mo)",
}
HOLDING = {
    "da": [
        rf"^(?:jeg|vi|lad mig|lad os)\s+(?:skal\s+|vil\s+|må\s+|kan\s+)?(?:(?:lige|bare|hurtigt|straks|nu|også|gerne|lige hurtigt)\s+)*"
        rf"(?:have\s+|kunne\s+)?{_LOOK_DA}\b(?!\s*,?\s*(?:at|frem til)\b)",
        rf"^(?:det|den|dem|sagen)\s+(?:(?:skal|vil)\s+(?:jeg|vi)\s+(?:(?:lige|gerne|nu)\s+)*{_LOOK_DA}|{_LOOK_DA}\s+(?:jeg|vi))\b",
        rf"^(?:{_WAIT['da']})\W*(?:tak|venligst)?\W*$",
        r"^(?:det er|det har jeg|jeg har)\s+(?:nu\s+)?(?:modtaget|noteret|skrevet ned)\W*$",
        r"^(?:(?:det|det der) )?(?:er jeg|beklager jeg|undskylder jeg)?\s*(?:meget |virkelig |rigtig )?(?:ked af|beklager|undskyld)(?: det| at høre)?\W*$",
        r"^(?:det|den)(?:\s+er|\s+var|\s+lyder)\s+(?:\w+\s+)?(?:ikke godt|ikke i orden|ikke rart|ikke sjovt|dumt|kedeligt|træls|ærgerligt|mærkeligt|underligt|skidt)\W*$",
        r"^(?:jeg kan (?:godt )?se det|jeg ser det|jeg forstår|forstået|modtaget|noteret|javel)\W*$",
        r"^(?:jeg|vi) (?:beklager|undskylder)\b(?!.*\bmen\b)",
        r"^(?:det er |det var |hvor )?(?:godt|dejligt|fint|rart|skønt|super) at høre\W*$",
        r"^(?:så )?har jeg (?:det hele|alt|hvad jeg skal bruge|det,? jeg skal bruge)\W*$",
    ],
    "nb": [
        rf"^(?:jeg|vi|la meg|la oss)\s+(?:skal\s+|vil\s+|må\s+|kan\s+)?(?:(?:bare|kjapt|raskt|straks|nå|også|gjerne)\s+)*"
        rf"(?:kunne\s+)?{_LOOK_NB}\b(?!\s*,?\s*(?:at|fram til|frem til)\b)",
        rf"^(?:det|den|dem|saken)\s+(?:(?:skal|vil)\s+(?:jeg|vi)\s+(?:(?:bare|gjerne|nå)\s+)*{_LOOK_NB}|{_LOOK_NB}\s+(?:jeg|vi))\b",
        rf"^(?:{_WAIT['nb']})\W*(?:takk)?\W*$",
        r"^(?:det er|det har jeg|jeg har)\s+(?:nå\s+)?(?:mottatt|notert|skrevet ned)\W*$",
        r"^(?:det )?(?:er jeg|beklager jeg)?\s*(?:veldig |virkelig |så )?(?:lei (?:meg )?for det|beklager|unnskyld)(?: det| å høre)?\W*$",
        r"^(?:det|den)(?:\s+er|\s+var|\s+høres)\s+(?:\w+\s+)?(?:ikke bra|ikke greit|ikke noe bra|dumt|kjedelig|leit|rart|merkelig|irriterende)(?: ut)?\W*$",
        r"^(?:jeg ser det|jeg skjønner|jeg forstår|skjønner|forstått|mottatt|notert|javel)\W*$",
        r"^(?:jeg|vi) (?:beklager|ber om unnskyldning)\b(?!.*\bmen\b)",
        r"^(?:det er |det var )?(?:godt|fint|hyggelig|deilig|supert|flott|herlig|bra) å høre\W*$",
        r"^(?:da )?har jeg (?:alt|det jeg trenger|alt jeg trenger)\W*$",
    ],
    "en": [
        rf"^(?:(?:i|we)(?:'m|’m| am|'re|’re| are|'ll|’ll| will| shall| need to| have to)?|let me|let's|let us)\s+"
        rf"(?:(?:just|quickly|now|still|also|going to|gonna|currently|having to)\s+)*{_LOOK_EN}(?!\w)(?!\s*,?\s*(?:that|forward)\b)",
        r"^(?:(?:just|still|now|currently)\s+)?(?:checking|looking|pulling|bringing|going through|digging|searching|reviewing|having a look|taking a look)\b",
        rf"^(?:{_WAIT['en']})\W*(?:please)?\W*$",
        r"^(?:(?:that's|that is|it's|it has been|i've|i have)\s+)?(?:now\s+)?(?:received|noted|got it|got that|understood)\W*$",
        r"^(?:(?:oh|ah)\W+)?(?:(?:i'm|i am|we're|we are)\s+)?(?:so |really |very |truly )?sorry(?: (?:about|for|to hear)(?: that| this| it)?)?\W*$",
        r"^(?:that|this|it)(?:'s| is| was| sounds| must be)\s+(?:\w+\s+)?(?:not good|not great|not ideal|annoying|awful|odd|strange|weird|a shame|a pain|unfortunate|irritating|inconvenient)\W*$",
        r"^(?:i see|ok(?:ay)? i see|i understand|understood|got it|noted|right)\W*$",
        r"^(?:i'm|i am|we're|we are|i|we) (?:so |really |very |truly )?(?:sorry|apologi[sz]e)\b(?!.*\bbut\b)",
        r"^(?:that's |that is |so )?(?:good|great|glad|nice|lovely|happy) to hear(?: (?:it|that))?\W*$",
        r"^(?:i've|i have|that's) (?:got )?(?:everything|all) (?:i need|i needed)\W*$",
    ],
}
# The closing question by its parts, in any order: a question about something else or more ("andet",
# "noe annet", "else") and helping or needing ("hjælpe", "trenger", "help", "spørsmål", "lurer på"): "What
# else can I help you with?", "Trenger du hjelp med noe annet?", "Er det andre ting du lurer på?".
CLOSING_QUESTION = {
    "da": r"^(?=.*\b(?:andet|andre ting|andre spørgsmål|noget mere|mere (?:jeg|vi)|hvad mere|ellers|yderligere)\b)"
    r"(?=.*\b(?:hjælp\w*|gøre|brug for|spørgsmål|undrer|spekulerer|behov|assistere)\b)|^ellers (?:noget|andet|mere)\W*$",
    "nb": r"^(?=.*\b(?:annet|andre ting|andre spørsmål|noe mer|mer (?:jeg|vi)|hva mer|ellers|ytterligere)\b)"
    r"(?=.*\b(?:hjelp\w*|gjøre|trenger|behov|spørsmål|lurer|undrer|bistå)\b)|^ellers (?:noe|noe annet|noe mer|mer)\W*$",
    "en": r"^(?=.*\b(?:else|other questions|anything more|something more|other things|further)\b)"
    r"(?=.*\b(?:help|do for|need|questions?|wonder\w*|ask|assist)\b)",
}

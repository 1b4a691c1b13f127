"""A labelled corpus of agent utterances, written for wowdesk, to measure the coach.

Each line: phase | question kinds (o = open, c = closed, in order; - for none) | context | text
context "after" means a solution was already given earlier in the conversation; "-" means it was not.
"""

DA = """
greeting | - | - | Hej Anna, tak fordi du skriver til os.
greeting | - | - | Goddag, og tak for din henvendelse.
greeting | - | - | Hej Peter!
greeting | - | - | Kære Camilla, tak for din mail.
greeting | - | - | God morgen, tak fordi du kontakter os.
need | o | - | Hvad ser du på skærmen, når du logger ind?
need | o | - | Hvad skete der, lige før fejlen kom?
need | o | - | Hvordan bruger I programmet i dag?
need | o | - | Hvornår opdagede du problemet første gang?
need | o | - | Hvilken browser bruger du?
need | o | - | Hvem i jeres firma skal have adgang?
need | o | - | Hvor i programmet står du, når det sker?
need | o | - | Hvorfor vil I gerne skifte abonnement?
need | o | - | Hvad skal I bruge løsningen til fremover?
need | o | - | Hvilke betalinger kan du se på kontoudtoget?
need | o | - | Og hvad sker der så, når du trykker på knappen?
need | o | - | Okay, hvad står der i fejlbeskeden?
need | o | - | Fortæl mig, hvad der skete, da du bestilte.
need | o | - | Kan du beskrive, hvad du ser?
need | o | - | Kan du fortælle lidt om, hvordan I arbejder med fakturaer?
need | o | - | Hvis du åbner appen igen, hvad ser du så?
need | o | - | Hvad er det vigtigste for jer lige nu?
need | o | - | Hvad har du allerede gjort for at løse det?
need | o | - | Hvor mange brugere har I brug for?
need | o | - | Hvad oplever du, når du prøver at betale?
need | oo | - | Hvad skete der? Og hvornår startede det?
need | o | - | Anna, hvad står der i sporingen?
need | o | - | På en skala fra 0 til 10, hvor vigtigt er det for jer?
need | o | - | Hvad vil I bruge rapporten til?
need | o | - | Hvilket ordrenummer drejer det sig om?
need | c | - | Har du en iPhone eller en Android-telefon?
need | c | - | Har du adgang til din mail lige nu?
need | c | - | Er det første gang, det sker?
need | c | - | Kan du sende mig et skærmbillede?
need | c | - | Bruger du appen eller hjemmesiden?
need | c | - | Har du prøvet at genstarte computeren?
need | c | - | Sker det også på din computer?
need | c | - | Er du logget ind som administrator?
need | c | - | Gælder det alle jeres medarbejdere?
need | c | - | Har I fået en ny bank for nylig?
need_accept | c | - | Så du kan ikke komme videre fra aktiveringstrinnet?
need_accept | c | - | Så du har nulstillet adgangskoden, men den bliver stadig afvist?
need_accept | c | - | Så I er trukket to gange for oktober?
need_accept | c | - | Så sporingen har stået stille siden mandag?
need_accept | c | - | Så appen lukker, hver gang du åbner kvitteringerne?
need_accept | c | - | Så I har brug for tre brugere og primært fakturering?
need_accept | c | - | Hvis jeg forstår dig ret, mangler du fakturaen for september?
need_accept | c | - | Har jeg forstået det rigtigt, at det kun sker på mobilen?
need_accept | c | - | Altså kan du logge ind, men ikke se dine ordrer?
need_accept | c | - | Du mangler altså kreditnotaen, er det rigtigt?
need_accept | c | - | Det er kun den ene konto, der er låst, ikke?
need_accept | c | - | For at være sikker: det er ordre 48213, du spørger til?
need_accept | c | - | Så det drejer sig om den blå model, ikke den røde?
need_accept | c | - | Så pengene er trukket, men varen er ikke sendt?
need_accept | c | - | Så du vil gerne have pengene tilbage i stedet for en ny vare?
solution | - | - | Tryk på 'Glemt adgangskode', og vælg en ny adgangskode.
solution | - | - | Jeg har nu krediteret den ene betaling.
solution | - | - | Det skyldes, at nulstillingsmailen udløb efter en time.
solution | - | - | Opdater appen til version 4.3 i App Store, så er fejlen rettet.
solution | - | - | Pengene står på jeres konto inden for tre bankdage.
solution | - | - | Du får en kreditnota på mail i dag.
solution | - | - | Det du gør er at gå til Indstillinger og vælge Brugere.
solution | - | - | Gå til Kunder, og tryk på Eksportér.
solution | - | - | Jeg har skiftet jer til Basis-pakken fra den 1. december.
solution | - | - | Løsningen er at slå tofaktorgodkendelse til igen.
solution | - | - | Vælg 'Betaling' i menuen, og indtast det nye kortnummer.
solution | - | - | Jeg har sendt en ny pakke med ekspres i dag.
solution | - | - | Du vil modtage en mail med et link om et øjeblik.
solution | - | - | Det er en kendt fejl, som vi retter i næste version.
solution | - | - | Log ud og ind igen, så er rettighederne opdateret.
solution | - | - | Jeg har låst din konto op.
solution | c | - | Kan du prøve at logge ind igen nu?
solution | - | - | Du kan måske prøve at rydde din browsers cache.
solution | - | - | Prøv at genstarte routeren.
solution | - | - | Klik på tandhjulet øverst til højre, og vælg Sprog.
solution | - | - | Fakturaen er nu rettet til det korrekte beløb.
solution | - | - | Du skal bare bekræfte din e-mailadresse.
solution | - | - | Jeg har oprettet den nye bruger til dig.
solution | - | - | Send os kvitteringen, så refunderer vi beløbet.
solution | - | - | Nulstil adgangskoden via linket i mailen.
solution_accept | c | after | Virker det nu?
solution_accept | c | after | Kan du logge ind nu?
solution_accept | c | after | Hjalp det?
solution_accept | c | after | Er vi i mål?
solution_accept | c | after | Kan du se kreditnotaen i din indbakke?
solution_accept | c | after | Har du fået sporingsnummeret på den nye pakke?
solution_accept | c | after | Passer det med jeres planer?
solution_accept | c | after | Virker kvitteringsfanen nu?
solution_accept | c | after | Fungerer det, når du prøver igen?
solution_accept | c | after | Er problemet løst?
solution_accept | c | after | Giver det mening?
solution_accept | c | after | Kom du ind?
solution_accept | c | - | Virker det, hvis du prøver igen nu?
solution_accept | c | after | Så er du kommet ind nu?
solution_accept | c | after | Ser det rigtigt ud nu?
closing | c | after | Er der andet, jeg kan hjælpe dig med?
closing | c | after | Kan jeg hjælpe med noget andet?
closing | c | after | Har du andre spørgsmål?
closing | - | after | Hav en rigtig god dag.
closing | c | after | Er der mere, jeg kan gøre for dig i dag?
closing | - | after | God weekend!
closing | c | after | Er der noget andet, du mangler svar på?
other | - | - | Jeg kigger på det.
other | - | - | Et øjeblik, så undersøger jeg det.
other | - | - | Tak for din tålmodighed.
other | - | - | Det er helt i orden.
"""

NB = """
greeting | - | - | Hei Kristin, takk for at du tar kontakt.
greeting | - | - | Hei!
greeting | - | - | God morgen, og takk for henvendelsen.
greeting | - | - | Kjære Ola, takk for e-posten.
greeting | - | - | Hallo, takk for meldingen din.
need | o | - | Hva skjer når du skriver inn brukernavn og passord?
need | o | - | Hva står det i sporingen på pakken?
need | o | - | Hvordan bruker dere systemet i dag?
need | o | - | Når oppdaget du feilen?
need | o | - | Hvilke tall er forskjellige, og for hvilken periode?
need | o | - | Hvem skal ha tilgang til rapportene?
need | o | - | Hvor i appen er du når det skjer?
need | o | - | Hvorfor ønsker dere å si opp?
need | o | - | Hva skal dere bruke eksporten til?
need | o | - | Hvilket beløp står på fakturaen?
need | o | - | Og hva skjer da?
need | o | - | Okei, hva står det i feilmeldingen?
need | o | - | Fortell meg hva som skjedde da du bestilte.
need | o | - | Kan du beskrive hva du ser?
need | o | - | Kan du fortelle litt om hvordan dere fakturerer?
need | o | - | Hvis du åpner appen på nytt, hva ser du da?
need | o | - | Hva er viktigst for dere akkurat nå?
need | o | - | Hva har du allerede gjort?
need | o | - | Hvor mange brukere trenger dere?
need | o | - | Hva opplever du når du prøver å betale?
need | oo | - | Hva skjedde? Og når begynte det?
need | o | - | Ola, hva ser du på skjermen?
need | o | - | På en skala fra 0 til 10, hvor viktig er dette for dere?
need | o | - | Hva trenger du rapporten til?
need | o | - | Hvilket ordrenummer gjelder det?
need | c | - | Har du iPhone eller Android?
need | c | - | Er det første gang dette skjer?
need | c | - | Kan du sende meg et skjermbilde?
need | c | - | Bruker du appen eller nettsiden?
need | c | - | Har du prøvd å starte maskinen på nytt?
need | c | - | Skjer det også på PC-en?
need | c | - | Er du logget inn som administrator?
need | c | - | Gjelder det alle ansatte?
need | c | - | Har dere byttet bank nylig?
need | c | - | Får du opp en feilmelding?
need_accept | c | - | Så du får beskjed om at kontoen er sperret?
need_accept | c | - | Så fakturaen er på 2 400 kroner, det dobbelte av det vanlige?
need_accept | c | - | Så sporingen sier levert, men du har ikke fått pakken?
need_accept | c | - | Så rapporten for oktober mangler 30 000 kroner?
need_accept | c | - | Så dere trenger navn og adresser på alle kunder i en liste?
need_accept | c | - | Hvis jeg forstår deg riktig, mangler du fakturaen for september?
need_accept | c | - | Har jeg forstått det riktig at det bare skjer på mobilen?
need_accept | c | - | Altså får du logget inn, men ser ikke ordrene?
need_accept | c | - | Du mangler altså kreditnotaen, stemmer det?
need_accept | c | - | Det er bare den ene kontoen som er sperret, ikke sant?
need_accept | c | - | For å være sikker: det er ordre 48213 du spør om?
need_accept | c | - | Så det gjelder den blå modellen, ikke den røde?
need_accept | c | - | Så pengene er trukket, men varen er ikke sendt?
need_accept | c | - | Så du vil heller ha pengene tilbake enn en ny vare?
need_accept | c | - | Så problemet oppstår bare når du er på jobb?
solution | - | - | Trykk på 'Glemt passord' og velg et nytt passord.
solution | - | - | Jeg har åpnet kontoen igjen.
solution | - | - | Det skyldes at rapporten ikke tok med bilag etter den 25.
solution | - | - | Oppdater appen til siste versjon i App Store.
solution | - | - | Jeg har sendt en ny faktura på 1 200 kroner.
solution | - | - | Du får pengene tilbake innen tre virkedager.
solution | - | - | Det du gjør er å gå til Innstillinger og velge Brukere.
solution | - | - | Gå til Kunder og trykk på 'Eksporter'.
solution | - | - | Da sender jeg en ny pakke i dag.
solution | - | - | Løsningen er å slå på tofaktorautentisering igjen.
solution | - | - | Velg 'Betaling' i menyen og skriv inn det nye kortnummeret.
solution | - | - | Du vil få en e-post med en lenke om litt.
solution | - | - | Det er en kjent feil som vi retter i neste versjon.
solution | - | - | Logg ut og inn igjen, så er tilgangene oppdatert.
solution | c | - | Kan du prøve å logge inn på nytt?
solution | - | - | Du kan kanskje prøve å tømme hurtigbufferen.
solution | - | - | Prøv å starte ruteren på nytt.
solution | - | - | Klikk på tannhjulet øverst til høyre og velg Språk.
solution | - | - | Fakturaen er nå rettet til riktig beløp.
solution | - | - | Du må bare bekrefte e-postadressen din.
solution | - | - | Jeg har opprettet den nye brukeren for deg.
solution | - | - | Send oss kvitteringen, så refunderer vi beløpet.
solution | - | - | Den gamle pakken melder jeg som savnet.
solution | - | - | Tilbakestill passordet med lenken i e-posten.
solution | - | - | Jeg har kreditert den gamle fakturaen.
solution_accept | c | after | Fungerer det nå?
solution_accept | c | after | Kommer du inn nå?
solution_accept | c | after | Hjalp det?
solution_accept | c | after | Er vi i mål?
solution_accept | c | after | Har du fått den nye fakturaen?
solution_accept | c | after | Fikk du lastet ned listen?
solution_accept | c | after | Passer det for deg?
solution_accept | c | after | Stemmer tallene nå?
solution_accept | c | after | Virker det når du prøver igjen?
solution_accept | c | after | Er problemet løst?
solution_accept | c | after | Ser det riktig ut nå?
solution_accept | c | - | Fungerer det hvis du prøver igjen nå?
solution_accept | c | after | Kan du se pengene på kontoen?
solution_accept | c | after | Så da kommer du inn?
solution_accept | c | after | Ble det riktig nå?
closing | c | after | Er det noe mer jeg kan hjelpe deg med?
closing | c | after | Kan jeg hjelpe deg med noe annet?
closing | c | after | Har du andre spørsmål?
closing | - | after | Ha en fin dag!
closing | c | after | Er det noe annet du lurer på?
closing | - | after | God helg!
closing | - | after | Ha en strålende dag videre.
other | - | - | Jeg ser på det.
other | - | - | Et øyeblikk, så undersøker jeg saken.
other | - | - | Takk for tålmodigheten.
other | - | - | Det er helt i orden.
"""

EN = """
greeting | - | - | Hi Sarah, thank you for getting in touch.
greeting | - | - | Hello!
greeting | - | - | Good morning, and thanks for your message.
greeting | - | - | Dear James, thank you for contacting us.
greeting | - | - | Hi there, thanks for reaching out.
need | o | - | What do you see when you try to log in?
need | o | - | What happened just before the error appeared?
need | o | - | How do you use the reports today?
need | o | - | When did you first notice the problem?
need | o | - | Which browser are you using?
need | o | - | Who in your team needs access?
need | o | - | Where in the app are you when it happens?
need | o | - | Why would you like to cancel?
need | o | - | What will you use the export for?
need | o | - | Which invoice number is it?
need | o | - | And what happens then?
need | o | - | Okay, what does the error message say?
need | o | - | Tell me what happened when you placed the order.
need | o | - | Could you describe what you see?
need | o | - | Can you tell me a bit about how you invoice your customers?
need | o | - | If you open the app again, what do you see?
need | o | - | What matters most to you right now?
need | o | - | What have you done so far?
need | o | - | How many users do you need?
need | o | - | What do you experience when you pay?
need | oo | - | What happened? And when did it start?
need | o | - | Sarah, what does the tracking say?
need | o | - | On a scale from 0 to 10, how important is this to you?
need | o | - | What made you decide to cancel?
need | o | - | Walk me through the steps you took.
need | c | - | Are you on an iPhone or an Android phone?
need | c | - | Is this the first time it has happened?
need | c | - | Can you send me a screenshot?
need | c | - | Are you using the app or the website?
need | c | - | Have you tried restarting your computer?
need | c | - | Does it happen on your laptop too?
need | c | - | Are you logged in as an administrator?
need | c | - | Does this affect all your employees?
need | c | - | Did you change banks recently?
need | c | - | Do you get an error message?
need_accept | c | - | So you cannot get past the activation step?
need_accept | c | - | So the two-factor codes stopped working after you changed phones?
need_accept | c | - | So invoice 2024-1187 should have been in EUR?
need_accept | c | - | So the box is labelled blue, but the product inside is red?
need_accept | c | - | So the five-year transaction export fails, every time?
need_accept | c | - | If I understand you correctly, the September invoice is missing?
need_accept | c | - | Have I understood correctly that it only happens on mobile?
need_accept | c | - | Just to confirm, it is order 48213 you are asking about?
need_accept | c | - | You are missing the credit note, is that right?
need_accept | c | - | It is only the one account that is locked, right?
need_accept | c | - | So you need it from May to September and not the rest of the year?
need_accept | c | - | So the money has left your account but nothing has shipped?
need_accept | c | - | So you would rather have a refund than a replacement?
need_accept | c | - | So your colleagues can log in but you cannot?
need_accept | c | - | Just to check, this started after the update on Monday?
solution | - | - | Press 'Forgot password' and choose a new one.
solution | - | - | I have reset your two-factor setup.
solution | - | - | This is because the reset link expires after one hour.
solution | - | - | Update the app to version 4.3 in the App Store.
solution | - | - | I have reissued invoice 2024-1187 in EUR.
solution | - | - | You will get a free return label by e-mail.
solution | - | - | What you do is go to Settings and choose Users.
solution | - | - | Go to Customers and click Export.
solution | - | - | I will send the blue one today with express delivery.
solution | - | - | The fix is to turn two-factor authentication back on.
solution | - | - | Choose 'Payment' in the menu and enter the new card number.
solution | - | - | You'll receive an email with a link in a moment.
solution | - | - | This is a known issue that we fix in the next release.
solution | - | - | Log out and back in, and your permissions will be updated.
solution | c | - | Could you try logging in again?
solution | - | - | Maybe try clearing your browser cache.
solution | - | - | Try restarting your router.
solution | - | - | Click the gear icon in the top right corner and select Language.
solution | - | - | The invoice has been fixed to the correct amount.
solution | - | - | You just need to confirm your email address.
solution | - | - | I've created the new user for you.
solution | - | - | Send us the receipt and we will refund the amount.
solution | - | - | Choose one year at a time under Export.
solution | - | - | I have paused your subscription from October to April.
solution | - | - | Then pausing is better than cancelling.
solution_accept | c | after | Does it work now?
solution_accept | c | after | Are you able to log in now?
solution_accept | c | after | Did that help?
solution_accept | c | after | Are we there?
solution_accept | c | after | Does the new invoice look right to you?
solution_accept | c | after | Did you get the tracking number?
solution_accept | c | after | Does that work for you?
solution_accept | c | after | Did the one-year export work?
solution_accept | c | after | Is it working when you try again?
solution_accept | c | after | Has that solved the problem?
solution_accept | c | after | Can you see the refund in your account?
solution_accept | c | - | Does it work if you try again now?
solution_accept | c | after | Does a seasonal pause suit you?
solution_accept | c | after | So you are back in now?
solution_accept | c | after | Is everything working again?
closing | c | after | Is there anything else I can do for you?
closing | c | after | Is there anything else I can help you with today?
closing | c | after | Do you have any other questions?
closing | - | after | Have a great day!
closing | c | after | Anything else I can help with?
closing | - | after | Have a lovely weekend.
closing | c | after | Is there something else I can do for you?
other | - | - | I am looking into it.
other | - | - | One moment while I check.
other | - | - | Thank you for your patience.
other | - | - | That is completely fine.
"""


def parse(blocks):
    """(language, phase, question kinds, after a solution?, text) for every line of the language blocks."""
    for lang, block in blocks:
        for line in block.strip().splitlines():
            phase, kinds, context, text = (part.strip() for part in line.split("|", 3))
            yield (
                lang,
                phase,
                [] if kinds == "-" else ["open" if k == "o" else "closed" for k in kinds],
                context == "after",
                text,
            )


def rows():
    return parse((("da", DA), ("nb", NB), ("en", EN)))

"""Utterances written after the rules were tuned on corpus.py and never used to tune them: an honest
estimate of how the coach does on text it has not seen. Same line format as corpus.py."""

from tests.coaching.corpus import parse

DA = """
need | o | - | Hvad prøvede du at gøre, da det gik galt?
need | o | - | Hvordan ser din faktura ud lige nu?
need | o | - | Hvilke produkter drejer det sig om?
need | c | - | Er det på alle dine enheder?
need | c | - | Har du modtaget vores mail fra i går?
need_accept | c | - | Så beløbet passer ikke med din ordre?
need_accept | c | - | Har jeg forstået det ret, at du vil opsige begge abonnementer?
solution | - | - | Jeg har flyttet din ordre til den nye adresse.
solution | - | - | Åbn mailen fra os, og klik på linket.
solution | - | - | Du får pengene retur inden fredag.
solution_accept | c | after | Kan du se ændringen nu?
solution_accept | c | after | Virker betalingen nu?
closing | c | after | Er der andet, du vil have hjælp til?
closing | - | after | Hav en god aften.
greeting | - | - | Hej Søren, tak for din henvendelse.
need | o | - | Hvornår skal I bruge varerne?
other | - | - | Jeg vender tilbage, så snart jeg ved mere.
need | o | - | Kan du forklare, hvad der sker, når du gemmer?
need_accept | c | - | Så det er kun fakturaer fra oktober, der mangler?
solution | - | - | Skift adgangskode under Min profil.
"""

NB = """
need | o | - | Hva prøvde du å gjøre da det gikk galt?
need | o | - | Hvordan ser fakturaen ut nå?
need | o | - | Hvilke produkter gjelder det?
need | c | - | Skjer det på alle enhetene dine?
need | c | - | Har du mottatt e-posten vår fra i går?
need_accept | c | - | Så beløpet stemmer ikke med bestillingen?
need_accept | c | - | Har jeg forstått riktig at du vil si opp begge abonnementene?
solution | - | - | Jeg har flyttet bestillingen til den nye adressen.
solution | - | - | Åpne e-posten fra oss og klikk på lenken.
solution | - | - | Du får pengene tilbake innen fredag.
solution_accept | c | after | Ser du endringen nå?
solution_accept | c | after | Fungerer betalingen nå?
closing | c | after | Er det noe annet du vil ha hjelp med?
closing | - | after | Ha en god kveld.
greeting | - | - | Hei Silje, takk for henvendelsen.
need | o | - | Når trenger dere varene?
other | - | - | Jeg kommer tilbake så snart jeg vet mer.
need | o | - | Kan du forklare hva som skjer når du lagrer?
need_accept | c | - | Så det er bare fakturaene fra oktober som mangler?
solution | - | - | Bytt passord under Min profil.
"""

EN = """
need | o | - | What were you trying to do when it went wrong?
need | o | - | How does your invoice look right now?
need | o | - | Which products are affected?
need | c | - | Is it on all your devices?
need | c | - | Did you receive our email from yesterday?
need_accept | c | - | So the amount does not match your order?
need_accept | c | - | Have I understood correctly that you want to cancel both subscriptions?
solution | - | - | I have moved your order to the new address.
solution | - | - | Open our email and click the link.
solution | - | - | You will get the money back by Friday.
solution_accept | c | after | Can you see the change now?
solution_accept | c | after | Is the payment working now?
closing | c | after | Is there anything else you would like help with?
closing | - | after | Have a good evening.
greeting | - | - | Hi Grace, thanks for your message.
need | o | - | When do you need the goods?
other | - | - | I will get back to you as soon as I know more.
need | o | - | Could you explain what happens when you save?
need_accept | c | - | So it is only the invoices from October that are missing?
solution | - | - | Change your password under My profile.
"""


def rows():
    return parse((("da", DA), ("nb", NB), ("en", EN)))

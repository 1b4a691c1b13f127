"""The reply templates every team starts with, in Danish, Norwegian Bokmål and English."""

from django.db import migrations

TEMPLATES = [
    ("Tak for din henvendelse", "da", "", "Hej {first_name}\n\nTak for din henvendelse. Jeg har sagen (#{ticket_number}) "
     "og vender tilbage til dig. {response_time}\n\nVenlig hilsen\n{agent_name}"),
    ("Takk for henvendelsen", "nb", "", "Hei {first_name}\n\nTakk for henvendelsen. Jeg har saken (#{ticket_number}) "
     "og kommer tilbake til deg. {response_time}\n\nVennlig hilsen\n{agent_name}"),
    ("Thank you for your message", "en", "", "Hi {first_name}\n\nThank you for your message. I have your case "
     "(#{ticket_number}) and will get back to you. {response_time}\n\nKind regards\n{agent_name}"),
    ("Sagsevaluering", "da", "solved", "Hej {first_name}\n\nSagen (#{ticket_number}) er nu løst. Vil du hjælpe os med "
     "at blive bedre? Svar gerne med et tal fra 0 til 10: Hvor sandsynligt er det, at du vil anbefale os til andre? "
     "Og fortæl os gerne, hvad vi kunne have gjort bedre.\n\nVenlig hilsen\n{agent_name}"),
    ("Saksevaluering", "nb", "solved", "Hei {first_name}\n\nSaken (#{ticket_number}) er nå løst. Vil du hjelpe oss å "
     "bli bedre? Svar gjerne med et tall fra 0 til 10: Hvor sannsynlig er det at du vil anbefale oss til andre? "
     "Fortell oss også gjerne hva vi kunne gjort bedre.\n\nVennlig hilsen\n{agent_name}"),
    ("Case evaluation", "en", "solved", "Hi {first_name}\n\nYour case (#{ticket_number}) is now solved. Will you help "
     "us get better? Reply with a number from 0 to 10: how likely are you to recommend us to others? And tell us "
     "what we could have done better.\n\nKind regards\n{agent_name}"),
    ("Er du tilfreds?", "da", "pending", "Hej {first_name}\n\nJeg har gjort det, vi aftalte. Virker det nu, og er du "
     "tilfreds med løsningen? Er der andet, jeg kan hjælpe dig med?\n\nVenlig hilsen\n{agent_name}"),
    ("Er du fornøyd?", "nb", "pending", "Hei {first_name}\n\nJeg har gjort det vi avtalte. Fungerer det nå, og er du "
     "fornøyd med løsningen? Er det noe mer jeg kan hjelpe deg med?\n\nVennlig hilsen\n{agent_name}"),
    ("Are you satisfied?", "en", "pending", "Hi {first_name}\n\nI have done what we agreed. Does it work now, and "
     "are you satisfied with the solution? Is there anything else I can do for you?\n\nKind regards\n{agent_name}"),
    ("Status: vi venter på leverandøren", "da", "pending", "Hej {first_name}\n\nEn status på din sag (#{ticket_number}): "
     "vi venter stadig på svar fra vores leverandør. Jeg følger op hos dem, og du hører fra mig, så snart jeg ved "
     "mere, senest i morgen.\n\nVenlig hilsen\n{agent_name}"),
    ("Status: vi venter på leverandøren", "nb", "pending", "Hei {first_name}\n\nEn status på saken din "
     "(#{ticket_number}): vi venter fortsatt på svar fra leverandøren vår. Jeg følger opp hos dem, og du hører fra "
     "meg så snart jeg vet mer, senest i morgen.\n\nVennlig hilsen\n{agent_name}"),
    ("Status: waiting for the supplier", "en", "pending", "Hi {first_name}\n\nAn update on your case "
     "(#{ticket_number}): we are still waiting for our supplier's answer. I am following up with them, and you "
     "will hear from me as soon as I know more, tomorrow at the latest.\n\nKind regards\n{agent_name}"),
    ("Vi nåede ikke at ringe i dag", "da", "pending", "Hej {first_name}\n\nVi lovede at ringe til dig i dag, og det "
     "nåede vi desværre ikke. Jeg ringer til dig i morgen formiddag. Passer det ikke, så svar på denne mail med et "
     "tidspunkt, der passer dig bedre.\n\nVenlig hilsen\n{agent_name}"),
    ("Vi rakk ikke å ringe i dag", "nb", "pending", "Hei {first_name}\n\nVi lovet å ringe deg i dag, og det rakk vi "
     "dessverre ikke. Jeg ringer deg i morgen formiddag. Passer ikke det, så svar på denne e-posten med et tidspunkt "
     "som passer deg bedre.\n\nVennlig hilsen\n{agent_name}"),
    ("We could not call you today", "en", "pending", "Hi {first_name}\n\nWe promised to call you today, and we did "
     "not manage to. I will call you tomorrow morning. If that does not suit you, reply to this e-mail with a time "
     "that does.\n\nKind regards\n{agent_name}"),
]


def create(apps, schema_editor):
    ReplyTemplate = apps.get_model("replies", "ReplyTemplate")
    for name, language, status, body in TEMPLATES:
        ReplyTemplate.objects.get_or_create(name=name, language=language,
                                            defaults={"body": body, "set_status": status})


class Migration(migrations.Migration):
    dependencies = [("replies", "0003_replytemplate")]
    operations = [migrations.RunPython(create, migrations.RunPython.noop)]

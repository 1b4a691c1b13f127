from django_tasks import task

from . import services


@task(queue_name="mail", priority=10)
def send_survey(survey_id: int) -> None:
    services.send(survey_id)

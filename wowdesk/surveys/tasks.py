from django_tasks import task

from . import services


@task()
def send_survey(survey_id: int) -> None:
    services.send(survey_id)

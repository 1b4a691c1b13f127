from django.contrib import admin

from .models import AgentSkill, RoutingPolicy


@admin.register(RoutingPolicy)
class RoutingPolicyAdmin(admin.ModelAdmin):
    list_display = ["team", "mode", "hand_back_after_minutes"]


@admin.register(AgentSkill)
class AgentSkillAdmin(admin.ModelAdmin):
    list_display = ["agent"]
    filter_horizontal = ["categories"]

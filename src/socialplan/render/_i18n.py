"""The report's own words in English and Spanish; the plan's text stays as written.

A count with a noun goes through :func:`socialplan._core.text.counted` with the noun of
this table: "1 cadena", "3 cadenas".
"""

from __future__ import annotations

__all__ = ["LANGUAGES", "evidence", "gap_words", "missing_words", "reasons", "words"]

#: The languages a report can be written in.
LANGUAGES = ("en", "es")

_WORDS: dict[str, tuple[str, str]] = {
    "lang": ("en", "es"),
    # Sections
    "report": ("Social media strategy report", "Informe de estrategia en redes sociales"),
    "contents": ("Contents", "Índice"),
    "vision": ("Vision and mission", "Visión y misión"),
    "briefing": ("Briefing", "Briefing"),
    "situation": ("Current situation and analysis", "Situación actual y análisis"),
    "goals": ("Business goals and objectives", "Metas de negocio y objetivos"),
    "audiences": ("Audiences and where they are", "Audiencias y dónde están"),
    "channels": ("Channels", "Canales"),
    "influence": ("Influence map", "Mapa de influencia"),
    "responsibility": ("Responsibility map and routing", "Mapa de responsabilidades y derivación"),
    "work": ("Work elements and who executes them", "Elementos de trabajo y quién los ejecuta"),
    "content": ("Content strategy and calendar", "Estrategia de contenidos y calendario"),
    "tactics": ("Tactics", "Tácticas"),
    "metrics": ("Metrics by KPI level", "Métricas por nivel de KPI"),
    "reporting": ("Reporting of results", "Informes de resultados"),
    "engagement": ("Engagement framework", "Marco de compromiso"),
    "policy": ("Social media policy", "Política de redes sociales"),
    "governance": ("Governance of other accounts", "Gobierno de otras cuentas"),
    "moderation": ("Moderation of visitors' posts", "Moderación de lo que publican otros"),
    "approval": ("Approval of drafts", "Aprobación de borradores"),
    "advocacy": ("Internal networks and launch", "Redes internas y lanzamiento"),
    "resources": ("Resources", "Recursos"),
    "budget": ("Budget", "Presupuesto"),
    "scenarios": ("Scenarios: plan B and plan C", "Escenarios: plan B y plan C"),
    "trace": ("Traceability", "Trazabilidad"),
    "progress": ("Step progress and next steps", "Progreso de los pasos y próximos pasos"),
    "maturity": ("Social media maturity", "Madurez en redes sociales"),
    "findings": ("Validation findings", "Hallazgos de la validación"),
    # Sub-sections and labels
    "vision_label": ("Vision", "Visión"),
    "mission_label": ("Mission", "Misión"),
    "organization": ("Organization", "Organización"),
    "reach": ("Reach", "Alcance"),
    "start": ("Start", "Inicio"),
    "horizons": ("Horizons", "Horizontes"),
    "online_presence": ("Online presence", "Presencia online"),
    "target_audience": ("Target audience", "Público objetivo"),
    "market_value": ("Market value", "Valor de mercado"),
    "media_plan": ("Media plan", "Plan de medios"),
    "online_experience": ("Online experience", "Experiencia online"),
    "required_profile": ("Required profile", "Perfil requerido"),
    "touchpoints": ("Touchpoints", "Puntos de contacto"),
    "why_social": ("Why be on social media?", "¿Por qué estar en redes sociales?"),
    "company": ("Company", "Empresa"),
    "sector": ("Sector", "Sector"),
    "current_situation": ("Current situation", "Situación actual"),
    "analysis_audiences": ("Audiences", "Audiencias"),
    "competitors": ("Competitors", "Competidores"),
    "strengths": ("Strengths", "Fortalezas"),
    "weaknesses": ("Weaknesses", "Debilidades"),
    "improvement_points": ("Improvement points", "Puntos de mejora"),
    "stakeholder_input": ("Stakeholder input", "Aportes de los interesados"),
    "business_goals": ("Business goals", "Metas de negocio"),
    "objectives": ("Objectives", "Objetivos"),
    "roles": ("Roles", "Roles"),
    "routing": ("Routing", "Derivación"),
    "raci_steps": ("RACI by step", "RACI por paso"),
    "raci_channels": ("RACI by channel", "RACI por canal"),
    "pillars": ("Content pillars", "Pilares de contenido"),
    "sources": ("Content sources", "Fuentes de contenido"),
    "keywords": ("Keywords", "Palabras clave"),
    "formats": ("Formats", "Formatos"),
    "messages": ("Messages by audience", "Mensajes por audiencia"),
    "calendar": ("Editorial calendar", "Calendario editorial"),
    "channel_life": ("Status and priority", "Estado y prioridad"),
    "channel_proposed": ("proposed", "propuesto"),
    "channel_conditional": ("conditional", "condicionado"),
    "channel_active": ("active", "activo"),
    "channel_retiring": ("retiring", "en retirada"),
    "channel_retired": ("retired", "retirado"),
    "tactic_descriptions": ("What each tactic does", "Qué hace cada táctica"),
    "medium_online": ("online", "online"),
    "medium_offline": ("offline", "offline"),
    "medium_both": ("online and offline", "online y offline"),
    "level": ("Level", "Nivel"),
    "level_1": ("Level 1: exposure", "Nivel 1: exposición"),
    "level_2": ("Level 2: interaction", "Nivel 2: interacción"),
    "level_3": ("Level 3: conversion and virality", "Nivel 3: conversión y viralidad"),
    "level_none": ("No level given", "Sin nivel"),
    "acceptable": ("Acceptable", "Aceptable"),
    "off_limits": ("Off limits", "Prohibido"),
    "confidential": ("Confidential", "Confidencial"),
    "company_capacity": ("In the company's name", "En nombre de la empresa"),
    "personal_capacity": ("In a personal capacity", "A título personal"),
    "approver": ("Approver", "Aprueba"),
    "governance_requests": ("How to ask for an account", "Cómo pedir una cuenta"),
    "governance_approver": ("Approved by", "La aprueba"),
    "governance_review": ("Accounts reviewed every", "Revisión de las cuentas cada"),
    "governance_requires": ("To submit first", "Qué presentar antes"),
    "governance_closure": ("When an account is closed", "Cuándo se cierra una cuenta"),
    "approval_approver": ("Approved by", "Lo aprueba"),
    "approval_before": ("Approved before it is", "Se aprueba antes de pasar a"),
    "four_eyes": ("Nobody approves their own", "Nadie aprueba lo suyo"),
    "approval_exempt": ("Needs no approval", "No necesita aprobación"),
    "yes": ("yes", "sí"),
    "gates": ("Launch gates", "Condiciones para lanzar"),
    "gate_open": ("open", "pendiente"),
    "gate_passed": ("passed", "superada"),
    "gate_failed": ("failed", "no superada"),
    "team_internal": ("internal", "interno"),
    "team_external": ("external", "externo"),
    "team_crowdsourced": ("crowdsourced", "colaborativo (crowdsourcing)"),
    "house_rules": ("House rules", "Normas de participación"),
    "moderation_hide": ("hide", "ocultar"),
    "moderation_delete": ("delete", "borrar"),
    "moderation_report": ("report", "denunciar"),
    "moderation_escalate": ("escalate", "escalar"),
    "moderation_reply": ("reply", "responder"),
    "moderation_block": ("block", "bloquear"),
    "moderation_keep": ("keep", "mantener"),
    "advocacy_label": ("Internal advocacy", "Promoción interna"),
    "ambassadors": ("Ambassadors", "Embajadores"),
    "actions": ("Actions", "Acciones"),
    "launch": ("Launch", "Lanzamiento"),
    "trial_until": ("Trial until", "Prueba hasta"),
    "review": ("Review every", "Revisión cada"),
    "campaign": ("Launch campaign", "Campaña de lanzamiento"),
    "total": ("Total", "Total"),
    "trigger": ("Trigger", "Desencadenante"),
    "next_steps": ("Next steps", "Próximos pasos"),
    "ranking": ("Whom to engage first", "A quién involucrar primero"),
    # Column headings
    "col_id": ("id", "id"),
    "col_statement": ("goal", "meta"),
    "col_description": ("description", "descripción"),
    "col_objective": ("objective", "objetivo"),
    "col_kind": ("kind", "tipo"),
    "col_stage": ("funnel stage", "etapa del embudo"),
    "col_supports": ("supports", "apoya"),
    "col_target": ("target", "meta cuantitativa"),
    "col_horizon": ("horizon", "horizonte"),
    "col_audience": ("audience", "audiencia"),
    "col_needs": ("needs", "necesidades"),
    "col_interests": ("interests", "intereses"),
    "col_where": ("where they are", "dónde están"),
    "col_channel": ("channel", "canal"),
    "col_platform": ("platform", "plataforma"),
    "col_purpose": ("purpose", "propósito"),
    "col_owner": ("owner", "responsable"),
    "col_reaches": ("reaches", "alcanza"),
    "col_cross_posts": ("cross-posts to", "publica también en"),
    "col_rank": ("#", "#"),
    "col_influencer": ("influencer", "influenciador"),
    "col_score": ("score", "puntuación"),
    "col_followers": ("followers", "seguidores"),
    "col_role": ("role", "rol"),
    "col_function": ("function", "función"),
    "col_people": ("people", "personas"),
    "col_duties": ("duties", "tareas"),
    "col_message": ("message", "mensaje"),
    "col_to": ("goes to", "va a"),
    "col_within": ("within", "plazo"),
    "col_escalate": ("escalates to", "escala a"),
    "col_part": ("part", "parte"),
    "col_responsible": ("responsible", "responsable"),
    "col_accountable": ("accountable", "aprobador"),
    "col_consulted": ("consulted", "consultado"),
    "col_informed": ("informed", "informado"),
    "col_theme": ("theme", "tema"),
    "col_objectives": ("objectives", "objetivos"),
    "col_share": ("share", "proporción"),
    "col_title": ("title", "título"),
    "col_pillars": ("pillars", "pilares"),
    "col_date": ("date", "fecha"),
    "col_pillar": ("pillar", "pilar"),
    "col_format": ("format", "formato"),
    "col_status": ("status", "estado"),
    "col_repeat": ("repeats", "se repite"),
    "col_priority": ("priority", "prioridad"),
    "col_since": ("since", "desde"),
    "col_note": ("note", "nota"),
    "col_action": ("action", "acción"),
    "col_condition": ("condition", "condición"),
    "col_question": ("question", "pregunta"),
    "col_answer": ("answer", "respuesta"),
    "col_area": ("area", "área"),
    "col_executor": ("executed by", "lo ejecuta"),
    "col_team": ("team", "equipo"),
    "col_approver": ("approver", "aprueba"),
    "col_tactic": ("tactic", "táctica"),
    "col_medium": ("online or offline", "online u offline"),
    "col_when": ("when", "cuándo"),
    "col_metric": ("metric", "métrica"),
    "col_unit": ("unit", "unidad"),
    "col_measures": ("measures", "mide"),
    "col_baseline": ("baseline", "línea base"),
    "col_direction": ("direction", "dirección"),
    "col_cadence": ("cadence", "frecuencia"),
    "col_source": ("source", "fuente"),
    "col_tone": ("tone", "tono"),
    "col_response": ("response time", "tiempo de respuesta"),
    "col_length": ("message length", "longitud del mensaje"),
    "col_topics": ("topics", "temas"),
    "col_frequency": ("posting frequency", "frecuencia de publicación"),
    "col_hours": ("hours", "horario"),
    "col_resource": ("resource", "recurso"),
    "col_cost": ("cost", "coste"),
    "col_notes": ("notes", "notas"),
    "col_scenario": ("scenario", "escenario"),
    "col_actions": ("actions", "acciones"),
    "col_trigger": ("trigger", "desencadenante"),
    "col_goal": ("goal", "meta"),
    "col_gap": ("gap", "hueco"),
    "col_step": ("step", "paso"),
    "col_state": ("state", "estado"),
    "col_due": ("due", "fecha límite"),
    "col_missing": ("what is missing", "qué falta"),
    "col_code": ("code", "código"),
    "col_severity": ("severity", "gravedad"),
    # The severities, also the nouns of the findings' counts
    "severity_error": ("error", "error"),
    "severity_warning": ("warning", "advertencia"),
    "severity_info": ("info", "info"),
    "col_where_found": ("where", "dónde"),
    "col_what": ("what", "qué"),
    "col_fix": ("how to fix", "cómo corregirlo"),
    "col_method": ("method", "método"),
    "col_who": ("who", "quién"),
    "col_findings": ("findings", "hallazgos"),
    # How metrics are taken: perception measures by survey
    "metric_methods": ("How the metrics are taken", "Cómo se toman las métricas"),
    "col_population": ("population", "población"),
    "col_sample": ("sample", "muestra"),
    # What qualitative metrics expect: sentiment shares, keywords, voices
    "metric_expectations": (
        "What the qualitative metrics expect",
        "Qué esperan las métricas cualitativas",
    ),
    "col_at_least_positive": ("positive at least", "positivo al menos"),
    "col_at_most_negative": ("negative at most", "negativo como mucho"),
    "col_voices": ("voices", "voces"),
    "col_keywords": ("keywords", "palabras clave"),
    "budget_lines_sum": ("Sum of the lines", "Suma de las partidas"),
    "col_category": ("category", "categoría"),
    "col_amount": ("amount", "importe"),
    "priority_primary": ("Primary", "Principales"),
    "priority_secondary": ("Secondary", "Secundarias"),
    # Provenance: where each goal, objective, target and metric comes from
    "citations": ("Where the goals and numbers come from", "De dónde vienen las metas y cifras"),
    "col_cite": ("source", "fuente"),
    "cite_business_goal": ("business goal", "meta de negocio"),
    "cite_objective": ("objective", "objetivo"),
    "cite_target": ("target of objective", "meta del objetivo"),
    "cite_metric": ("metric", "métrica"),
    "col_recipients": ("to", "para"),
    "col_every": ("every", "cada"),
    "col_published": ("published at", "se publica en"),
    "col_metrics": ("metrics", "métricas"),
    # Sentences
    # The executive summary at the top of the report
    "summary": ("Summary", "Resumen"),
    "summary_goals": ("Business goals", "Metas de negocio"),
    "summary_targets": ("Headline targets", "Metas principales"),
    "summary_missing": ("What is missing", "Qué falta"),
    "summary_findings": ("Most important findings", "Hallazgos más importantes"),
    "summary_on": ("on {parts}", "en {parts}"),
    "summary_more": (
        "And {count} more: see the validation findings.",
        "Y {count} más: véanse los hallazgos de la validación.",
    ),
    "steps_not_done": (
        "Steps not done ({count} of {total}): {steps}",
        "Pasos sin hacer ({count} de {total}): {steps}",
    ),
    # The timeline: every date of the plan in order, then what recurs
    "timeline": ("Timeline", "Calendario del plan"),
    "col_event": ("what", "qué"),
    "col_detail": ("detail", "detalle"),
    "tl_start": ("Plan starts", "Empieza el plan"),
    "tl_short": ("End of the short term", "Fin del corto plazo"),
    "tl_medium": ("End of the medium term", "Fin del medio plazo"),
    "tl_long": ("End of the long term", "Fin del largo plazo"),
    "tl_deadline": ("Objective deadline", "Fecha límite de un objetivo"),
    "tl_trial": ("End of the trial period", "Fin del periodo de prueba"),
    "gate": ("Launch gate", "Condición para lanzar"),
    "tl_tactic_starts": ("Tactic starts", "Empieza una táctica"),
    "tl_tactic_ends": ("Tactic ends", "Termina una táctica"),
    "tl_step_due": ("Step due", "Fecha límite de un paso"),
    "tl_review": ("Review of results", "Revisión de resultados"),
    "tl_report": ("Report", "Informe"),
    "tl_to": ("to", "para"),
    "every": ("every", "cada"),
    # Neutral labels of the 14 steps (seed 004), for any organisation; the progress table
    # keeps the method's own words beside them ("method_words")
    "col_method_words": ("in the method", "en el método"),
    "step.14-steps.objectives": ("Objectives", "Objetivos"),
    "step.14-steps.stakeholder_input": ("Stakeholder input", "Aportes de los interesados"),
    "step.14-steps.audiences": ("Audiences", "Audiencias"),
    "step.14-steps.influence_map": ("Influence map", "Mapa de influencia"),
    "step.14-steps.responsibility_map": ("Responsibilities", "Responsabilidades"),
    "step.14-steps.channels": ("Channels", "Canales"),
    "step.14-steps.content_strategy": ("Content strategy", "Estrategia de contenidos"),
    "step.14-steps.metrics": ("Metrics", "Métricas"),
    "step.14-steps.channel_setup": ("Channel setup", "Configuración de los canales"),
    "step.14-steps.engagement_framework": ("Engagement framework", "Marco de compromiso"),
    "step.14-steps.policy": ("Social media policy", "Política de redes sociales"),
    "step.14-steps.initial_content": ("Initial content", "Contenido inicial"),
    "step.14-steps.monitoring": ("Monitoring and measurement", "Seguimiento y medición"),
    "step.14-steps.internal_networks": ("Internal networks", "Redes internas"),
    "step.14-steps.launch": ("Launch", "Lanzamiento"),
    # The kinds of part a group of findings is on: "SP604 on 12 channels"
    "part": ("part", "parte"),
    "part_business_goals": ("business goal", "meta de negocio"),
    "part_objectives": ("objective", "objetivo"),
    "part_stakeholder_input": ("stakeholder input", "aporte de los interesados"),
    "part_audiences": ("audience", "audiencia"),
    "part_channels": ("channel", "canal"),
    "part_influencers": ("influencer", "influenciador"),
    "part_roles": ("role", "rol"),
    "part_routing": ("routing rule", "regla de derivación"),
    "part_content": ("content part", "parte del contenido"),
    "part_calendar": ("calendar entry", "entrada del calendario"),
    "part_tactics": ("tactic", "táctica"),
    "part_metrics": ("metric", "métrica"),
    "part_engagement": ("engagement rule", "regla de compromiso"),
    "part_resources": ("resource", "recurso"),
    "part_scenarios": ("scenario", "escenario"),
    "part_steps": ("step", "paso"),
    "part_reporting": ("report", "informe"),
    "part_work": ("work element", "elemento de trabajo"),
    # The sections with nothing in them, named on one line instead of a heading each
    "not_started": ("Not started yet: {parts}.", "Sin empezar todavía: {parts}."),
    "missing_vision": ("vision and mission", "visión y misión"),
    "missing_briefing": ("briefing", "briefing"),
    "missing_situation": ("situation and analysis", "situación y análisis"),
    "missing_goals": ("goals and objectives", "metas y objetivos"),
    "missing_audiences": ("audiences", "audiencias"),
    "missing_channels": ("channels", "canales"),
    "missing_influence": ("influencers", "influenciadores"),
    "missing_responsibility": ("roles and routing", "roles y derivación"),
    "missing_content": ("content and calendar", "contenidos y calendario"),
    "missing_metrics": ("metrics", "métricas"),
    "missing_engagement": ("engagement", "marco de compromiso"),
    "missing_policy": ("policy", "política"),
    "missing_advocacy": ("internal networks and launch", "redes internas y lanzamiento"),
    "missing_resources": ("resources", "recursos"),
    "missing_scenarios": ("scenarios", "escenarios"),
    "missing_trace": ("traceability", "trazabilidad"),
    "by": ("by", "para el"),
    "from": ("from", "desde"),
    # Relative and aggregate targets: "+10 % over the baseline", "3 % averaged across …"
    "over_baseline": ("over the baseline", "sobre la línea de base"),
    # Over the previous period, by the cadence of the metrics: "+5 % over the previous month"
    # and, with no amount, "above the previous month".
    "over_previous": ("over the previous {period}", "sobre {period} anterior"),
    "above_previous": ("above the previous {period}", "más que {period} anterior"),
    "period_day": ("day", "el día"),
    "period_week": ("week", "la semana"),
    "period_fortnight": ("fortnight", "la quincena"),
    "period_month": ("month", "el mes"),
    "period_quarter": ("quarter", "el trimestre"),
    "period_year": ("year", "el año"),
    "period_period": ("period", "el período"),
    "aggregate_average": ("averaged across", "de media en"),
    "aggregate_total": ("in total across", "en total en"),
    "aggregate_each": ("on each of", "en cada uno de"),
    "trace_ok": (
        "Every chain from business goal to audience is whole.",
        "Todas las cadenas de meta de negocio a audiencia están completas.",
    ),
    "trace_gaps": ("Gaps in {gaps} of {chains}.", "Huecos en {gaps} de {chains}."),
    "findings_none": (
        "The validators found nothing to report.",
        "Los validadores no encontraron nada que señalar.",
    ),
    "findings_counts": ("{counts}.", "{counts}."),
    "progress_counts": ("{done} of {steps} done.", "{done} de {steps}."),
    # The maturity assessment (seed 002): each stage's name, each piece of evidence, and
    # what is missing without it, by the piece's key (socialplan.steps.Evidence.key).
    "maturity_stages": (
        "Practised stage: {stage} of 10 ({name}); planned: {planned} of 10 ({planned_name}).",
        "Etapa practicada: {stage} de 10 ({name}); planificada: {planned} de 10 ({planned_name}).",
    ),
    "maturity_as_of": ("Assessed as of {date}.", "Evaluada a fecha de {date}."),
    "maturity_why": (
        "A stage is practised when what it rests on has happened (observations over time, "
        "entries published, a launch in the past, steps done); planned when the plan says "
        "it will.",
        "Una etapa está practicada cuando lo que la sostiene ha ocurrido (observaciones a lo "
        "largo del tiempo, entradas publicadas, un lanzamiento pasado, pasos hechos); "
        "planificada cuando el plan dice que ocurrirá.",
    ),
    "maturity_not_started": ("not started", "sin empezar"),
    "maturity_practised": ("practised", "practicada"),
    "maturity_planned": ("planned only", "solo planificada"),
    "maturity_not_yet": ("not yet", "todavía no"),
    "col_maturity_stage": ("stage", "etapa"),
    "col_maturity_state": ("state", "estado"),
    "col_evidence": ("evidence found", "evidencia encontrada"),
    "maturity_stage.1": ("Listening and reporting", "Observar e informar"),
    "maturity_stage.2": ("Presence and analysis", "Presencia y análisis"),
    "maturity_stage.3": ("Socializing", "Socializar"),
    "maturity_stage.4": ("Finding a voice", "Encontrar una voz"),
    "maturity_stage.5": ("Words into deeds", "Convertir las palabras en hechos"),
    "maturity_stage.6": ("A humanized brand", "Humanizar la marca"),
    "maturity_stage.7": ("Community and ambassadors", "Comunidad y embajadores"),
    "maturity_stage.8": ("Internal collaboration", "Colaboración interna"),
    "maturity_stage.9": ("Social CRM", "CRM social"),
    "maturity_stage.10": ("Business metrics and ROI", "Métricas de negocio y ROI"),
    "planned": ("planned", "planificada"),
    "practised": ("practised", "practicada"),
    "state_written_needs": ("written, but needs {needs}", "escrito, pero necesita {needs}"),
    # Nouns counted in the sentences above (socialplan._core.text makes their plurals)
    "noun_chain": ("chain", "cadena"),
    "noun_steps_done": ("step", "paso hecho"),
    "next_none": ("Nothing is ready to start.", "Nada está listo para empezar."),
    "methodology_error": (
        "The plan's methodology cannot be used: {error}",
        "No se puede usar la metodología del plan: {error}",
    ),
    "ranking_measure": (
        "Ranked by how much of the target audiences each influencer reaches.",
        "Ordenados por cuánto alcanza cada uno de las audiencias objetivo.",
    ),
    # The scorecard: measured results against the plan (render/_scorecard.py)
    "scorecard": ("Results against the plan", "Resultados frente al plan"),
    "sc_as_of": ("Scorecard as of {date}.", "Cuadro de mando al {date}."),
    "sc_objectives": ("Objectives", "Objetivos"),
    "sc_metrics": ("Metrics by KPI level", "Métricas por nivel de KPI"),
    "sc_channels": ("By channel", "Por canal"),
    "sc_stale": ("Stale metrics", "Métricas sin datos recientes"),
    "sc_returns": ("Return on investment", "Retorno de la inversión"),
    "sc_no_objectives": ("The plan has no objectives.", "El plan no tiene objetivos."),
    "sc_no_metrics": ("The plan has no metrics.", "El plan no tiene métricas."),
    "sc_no_channels": (
        "No metric is taken on a channel.",
        "Ninguna métrica se toma en un canal.",
    ),
    "sc_none_stale": (
        "Every metric with a cadence has a recent observation.",
        "Todas las métricas con frecuencia tienen una observación reciente.",
    ),
    "sc_stale_since": (
        "{metric}: last observed on {date}",
        "{metric}: última observación el {date}",
    ),
    "sc_stale_never": (
        "{metric}: never observed",
        "{metric}: sin observaciones",
    ),
    "sc_no_returns": (
        "The plan gives no costs tied to results.",
        "El plan no indica costes ligados a resultados.",
    ),
    "sc_no_metric": ("no metric measures it", "ninguna métrica lo mide"),
    "sc_shared": ("shared costs", "costes compartidos"),
    "sc_counts_intro": ("Objectives:", "Objetivos:"),
    # A qualitative metric's latest reading against what it expects
    "sc_qualitative": ("Qualitative readings", "Lecturas cualitativas"),
    "col_positive": ("positive", "positivo"),
    "col_negative": ("negative", "negativo"),
    "col_keywords_missing": ("keywords missing", "palabras clave ausentes"),
    "col_voices_missing": ("voices missing", "voces ausentes"),
    "sc_at_least": ("{share} (at least {wanted})", "{share} (al menos {wanted})"),
    "sc_at_most": ("{share} (at most {wanted})", "{share} (como mucho {wanted})"),
    "verdict_achieved": ("achieved", "logrado"),
    "verdict_on_track": ("on track", "en camino"),
    "verdict_at_risk": ("at risk", "en riesgo"),
    "verdict_off_track": ("off track", "desviado"),
    "verdict_no_data": ("no data", "sin datos"),
    "col_verdict": ("verdict", "veredicto"),
    "col_latest": ("latest", "último valor"),
    "col_progress": ("progress", "avance"),
    "col_pace_needed": ("needed per week", "necesario por semana"),
    "col_pace_so_far": ("so far per week", "logrado por semana"),
    "col_projected": ("projected", "proyección"),
    "col_deadline": ("deadline", "fecha límite"),
    "col_why": ("why", "por qué"),
    "col_on_channel": ("latest on the channel", "último valor en el canal"),
    "col_results": ("results", "resultados"),
    "col_value": ("value", "valor"),
    "col_cost_per_result": ("cost per result", "coste por resultado"),
    "col_roi": ("ROI", "ROI"),
    # Scenario triggers: in the report's scenarios and in the scorecard.
    "sc_triggers": ("Scenario triggers", "Desencadenantes de los escenarios"),
    "sc_called_for": ("Called for: {scenarios}.", "Hay que pasar a: {scenarios}."),
    "sc_none_called_for": ("No scenario is called for.", "Ningún escenario hace falta."),
    "trigger_below": ("below", "por debajo de"),
    "trigger_above": ("above", "por encima de"),
    "trigger_by": ("by {date}", "para el {date}"),
    "trigger_fired": ("fired", "activado"),
    "trigger_not_fired": ("not fired", "no activado"),
    "trigger_not_judged_yet": ("not judged yet", "sin juzgar aún"),
    "col_triggers": ("triggers", "desencadenantes"),
    # Why a trigger stands as it does (the scorecard's triggers, in other languages than
    # English, which says TriggerResult.reason)
    "tr_no_metric": ("the plan has no metric {metric}", "el plan no tiene la métrica {metric}"),
    "tr_no_target": (
        "{metric} has no target to take {share} of",
        "{metric} no tiene meta de la que tomar el {share}",
    ),
    "tr_early": ("to be judged on {date} ({so_far})", "se juzgará el {date} (por ahora, {so_far})"),
    "tr_so_far": ("{metric} {value} on {date} so far", "{metric} {value} el {date}"),
    "tr_none_yet": ("no observation of {metric} yet", "aún ninguna observación de {metric}"),
    "tr_none_by": (
        "no observation of {metric} by {date}",
        "ninguna observación de {metric} para el {date}",
    ),
    "tr_share_of": ("{share} of {target} ({threshold})", "del {share} de {target} ({threshold})"),
    "tr_plain": ("{threshold}", "de {threshold}"),
    "tr_on": ("on {date}", "el {date}"),
    "tr_is_below": (
        "{metric} {value} is below {limit} {when}",
        "{metric} {value} está por debajo {limit} {when}",
    ),
    "tr_is_not_below": (
        "{metric} {value} is not below {limit} {when}",
        "{metric} {value} no está por debajo {limit} {when}",
    ),
    "tr_is_above": (
        "{metric} {value} is above {limit} {when}",
        "{metric} {value} está por encima {limit} {when}",
    ),
    "tr_is_not_above": (
        "{metric} {value} is not above {limit} {when}",
        "{metric} {value} no está por encima {limit} {when}",
    ),
    # The routing diagram's edges: "within 2h on facebook", "escalate"
    "route_within": ("within {within}", "en {within},"),
    "route_every": ("on every channel", "en todos los canales"),
    "route_on": ("on {channels}", "en {channels}"),
    "route_escalate": ("escalate", "escala"),
}


#: The terms of the closed vocabularies in Spanish, by ``Class.value``; English shows them
#: as the file writes them.
_TERMS_ES = {
    "FunnelStage.awareness": "conocimiento",
    "FunnelStage.interest": "interés",
    "FunnelStage.desire": "deseo",
    "FunnelStage.action": "acción",
    "FunnelStage.recommendation": "recomendación",
    "CalendarStatus.idea": "idea",
    "CalendarStatus.draft": "borrador",
    "CalendarStatus.approved": "aprobado",
    "CalendarStatus.scheduled": "programado",
    "CalendarStatus.published": "publicado",
    "StepState.done": "hecho",
    "StepState.written": "escrito",
    "StepState.ready": "listo",
    "StepState.blocked": "bloqueado",
    "StepState.skipped": "omitido",
    "Horizon.short": "corto plazo",
    "Horizon.medium": "medio plazo",
    "Horizon.long": "largo plazo",
    "Reach.local": "local",
    "Reach.national": "nacional",
    "Reach.international": "internacional",
    "Measure.quantitative": "cuantitativo",
    "Measure.qualitative": "cualitativo",
    "MessageKind.inquiry": "consulta",
    "MessageKind.suggestion": "sugerencia",
    "MessageKind.complaint": "queja",
    "MessageKind.crisis": "crisis",
    "MessageLength.short": "corto",
    "MessageLength.medium": "medio",
    "MessageLength.long": "largo",
    "ResourceKind.people": "personas",
    "ResourceKind.tool": "herramienta",
    "ResourceKind.budget": "presupuesto",
    "MetricMethod.platform": "la plataforma",
    "MetricMethod.analytics": "analítica web",
    "MetricMethod.survey": "encuesta",
    "MetricMethod.manual": "a mano",
    "Direction.increase": "subir",
    "Direction.decrease": "bajar",
    # The legends of the diagrams (render/_svg.py), by the kind of box drawn
    "legend.goal": "meta",
    "legend.objective": "objetivo",
    "legend.metric": "métrica",
    "legend.audience": "audiencia",
    "legend.influencer": "influenciador",
    "legend.channel": "canal",
    "legend.message": "mensaje",
    "legend.role": "rol",
    "legend.step": "paso",
    "legend.missing": "falta",
    "legend.step: done": "paso: hecho",
    "legend.step: written": "paso: escrito",
    "legend.step: ready": "paso: listo",
    "legend.step: blocked": "paso: bloqueado",
    "legend.step: skipped": "paso: omitido",
}


def words(lang: str) -> dict[str, str]:
    """The report's words in *lang* ("en" or "es"), by key.

    >>> words("es")["channels"]
    'Canales'
    """
    if lang not in LANGUAGES:
        raise ValueError(f"no report language {lang!r}; expected one of {', '.join(LANGUAGES)}")
    index = LANGUAGES.index(lang)
    table = {key: pair[index] for key, pair in _WORDS.items()}
    return table | _TERMS_ES if lang == "es" else table


#: Why a metric has its verdict, in Spanish, by code (English: ``socialplan._score.REASONS``).
_REASONS_ES = {
    "no_target": "no hay meta con la que comparar",
    "no_observation": "aún no hay observaciones",
    "reached": "meta alcanzada",
    "no_deadline_moving": "sin fecha límite; avanza hacia la meta",
    "no_deadline_still": "sin fecha límite y sin avance todavía",
    "deadline_passed": "la fecha límite {deadline} pasó sin alcanzar la meta",
    "pace_reaches": "con el ritmo actual, la meta se alcanza el {deadline}",
    "pace_short": (
        "con el ritmo actual, {value} el {deadline}: el {share} del camino hasta {target}"
    ),
    "time_gone": "el {progress} del camino con el {expected} del tiempo transcurrido",
    "on_channel": "en {channel}: {reason}",
    "reading_met": "todas las expectativas cumplidas",
    "reading_short": "{met} de {checks} expectativas cumplidas",
    "reading_time": (
        "{met} de {checks} expectativas cumplidas con el {expected} del tiempo transcurrido"
    ),
    "no_previous": "una sola observación: no hay período anterior con el que compararla",
    "previous_met": "{value}, la subida sobre el período anterior ({previous} el {date}) que pide",
    "previous_short": (
        "{value}: no es la subida sobre el período anterior ({previous} el {date}) que pide"
    ),
}


def reasons(lang: str) -> dict[str, str]:
    """The templates of a verdict's reasons in *lang*, by :class:`~socialplan.Reason` code.

    >>> reasons("es")["reached"]
    'meta alcanzada'
    """
    from .._score import REASONS

    words(lang)  # an unknown language is refused as words() refuses it
    return dict(REASONS) if lang == "en" else dict(_REASONS_ES)


#: The maturity assessment's evidence in Spanish, by key: what it is, what is missing without
#: it (English: :class:`socialplan.steps.Evidence` says both).
_EVIDENCE_ES = {
    "sources": ("métricas con una fuente de donde leerlas", "ninguna métrica dice de dónde se lee"),
    "reports": ("informes previstos para la dirección", "ningún informe previsto para nadie"),
    "heard": (
        "lo que la escucha encontró: un análisis o hallazgos de las partes interesadas",
        "ni análisis ni hallazgos de las partes interesadas escritos",
    ),
    "channels": ("canales oficiales", "ningún canal"),
    "exposure": ("métricas de tamaño de comunidad o exposición", "ninguna métrica de nivel 1"),
    "launched": (
        "un lanzamiento: su fecha pasó, una entrada publicada o el paso de lanzamiento hecho",
        "sin lanzar a la fecha de la evaluación",
    ),
    "exposure_seen": (
        "métricas de exposición observadas a lo largo del tiempo",
        "ninguna métrica de nivel 1 observada en dos fechas",
    ),
    "engagement": ("reglas de interacción", "ninguna regla de interacción"),
    "calendar": ("un calendario editorial", "sin calendario"),
    "published": ("entradas publicadas", "ninguna entrada publicada"),
    "interaction_seen": (
        "métricas de interacción observadas a lo largo del tiempo",
        "ninguna métrica de nivel 2 observada en dos fechas",
    ),
    "tone": ("un tono de voz", "sin tono definido"),
    "pillars": ("pilares de contenido", "ningún pilar de contenido"),
    "voice_published": (
        "entradas publicadas de un pilar de contenido",
        "ninguna entrada de un pilar publicada",
    ),
    "routing": ("rutas para los mensajes entrantes", "sin derivación de mensajes"),
    "response_time": ("un tiempo de respuesta", "sin tiempo de respuesta"),
    "engagement_seen": (
        "métricas de compromiso observadas a lo largo del tiempo",
        "ninguna métrica de compromiso observada en dos fechas",
    ),
    "profiles": (
        "una identidad de perfil y personalizaciones en cada canal",
        "no todos los canales tienen identidad de perfil y personalizaciones",
    ),
    "people": ("personas con nombre tras los roles", "ninguna persona nombrada en un rol"),
    "set_up": (
        "canales configurados en las plataformas: el paso de personalización hecho",
        "el paso de personalización de los canales no está hecho",
    ),
    "influencers": ("un mapa de influencia", "ningún influenciador"),
    "ambassadors": ("embajadores", "ningún embajador"),
    "community_active": (
        "embajadores en acción: el paso de redes internas hecho, o métricas de influencia "
        "observadas a lo largo del tiempo",
        "el paso de redes internas no está hecho y no se observa ninguna métrica de influencia",
    ),
    "raci": ("una matriz RACI", "sin RACI"),
    "stakeholders": ("consulta a las partes interesadas", "sin consulta a las partes interesadas"),
    "input_held": (
        "consulta hecha: sus hallazgos escritos o su paso hecho",
        "ninguna consulta a las partes interesadas hecha",
    ),
    "escalation": ("escalado de mensajes", "sin escalado en la derivación"),
    "market_value": (
        "audiencias con un valor de mercado",
        "ninguna audiencia con valor de mercado",
    ),
    "audience_seen": (
        "métricas por audiencia observadas a lo largo del tiempo",
        "ninguna métrica de una audiencia observada en dos fechas",
    ),
    "roi": (
        "un objetivo de ventas, conversiones o contactos con meta, y costes",
        "ningún objetivo de ventas, conversiones o contactos con meta y costes con los que "
        "compararlo",
    ),
    "conversion": ("métricas de conversión con metas", "ninguna métrica de nivel 3 con meta"),
    "conversion_seen": (
        "métricas de conversión observadas a lo largo del tiempo",
        "ninguna métrica de nivel 3 observada en dos fechas",
    ),
}


def evidence(lang: str, key: str, what: str, missing: str) -> tuple[str, str]:
    """A piece of maturity evidence in *lang*: what it is and what is missing without it.

    >>> evidence("es", "calendar", "an editorial calendar", "no calendar")
    ('un calendario editorial', 'sin calendario')
    """
    words(lang)  # an unknown language is refused as words() refuses it
    return _EVIDENCE_ES.get(key, (what, missing)) if lang == "es" else (what, missing)


#: The gaps of the traceability matrix in Spanish, by code (English: ``socialplan._trace.GAPS``).
_GAPS_ES = {
    "no-objective": "ningún objetivo apoya esta meta de negocio",
    "no-goal": "el objetivo no apoya ninguna meta de negocio",
    "no-metric": "ninguna métrica mide el objetivo",
    "no-channel": "la métrica no se toma en ningún canal",
    "no-audience": "el objetivo no se dirige a ninguna audiencia",
    "audience-missed": "el canal no llega a ninguna de las audiencias del objetivo",
    "unmeasured-channel": "en este canal no se toma ninguna métrica de un objetivo",
    "stray-metric": "la métrica no mide ningún objetivo",
    "unreached-audience": "ningún canal llega a esta audiencia",
}


def gap_words(lang: str) -> dict[str, str]:
    """What each gap of the traceability matrix means in *lang*, by gap code.

    >>> gap_words("es")["no-metric"]
    'ninguna métrica mide el objetivo'
    """
    from .._trace import GAPS

    words(lang)  # an unknown language is refused as words() refuses it
    return dict(GAPS) if lang == "en" else dict(_GAPS_ES)


#: What a step lacks, in Spanish, by code (English: ``socialplan.steps._checks.MISSING``).
_MISSING_ES = {
    "no_objective": "aún no hay objetivos",
    "objective_no_goal": "el objetivo «{key}» no apoya ninguna meta de negocio",
    "no_stakeholder_input": "aún no hay aportes de los interesados con conclusiones",
    "no_audience": "aún no hay audiencias",
    "audience_nowhere": "la audiencia «{key}» no dice dónde está (channels)",
    "no_influencer": "aún no hay influenciadores con las audiencias en que influyen",
    "no_role": "aún no hay roles",
    "role_no_duties": "el rol «{key}» no tiene tareas",
    "no_community_manager": "falta un community manager",
    "no_route_inquiry": "las consultas no tienen derivación",
    "no_route_suggestion": "las sugerencias no tienen derivación",
    "no_route_complaint": "las quejas no tienen derivación",
    "no_channel": "aún no hay canales",
    "channel_no_purpose": "el canal «{key}» no tiene propósito",
    "channel_no_audience": "el canal «{key}» no llega a ninguna audiencia",
    "no_pillar": "aún no hay pilares de contenido",
    "pillar_no_objective": "el pilar de contenido «{key}» no sirve a ningún objetivo",
    "no_source": "falta una fuente de contenido que reutilizar",
    "no_keywords": "faltan palabras clave",
    "no_metric": "aún no hay métricas",
    "objective_unmeasured": "ninguna métrica mide el objetivo «{key}»",
    "metric_no_objective": "la métrica «{key}» no mide ningún objetivo del plan",
    "no_channel_to_set_up": "no hay canales que configurar",
    "channel_no_profile": "el canal «{key}» no tiene identidad de perfil",
    "channel_no_customizations": "el canal «{key}» no tiene personalizaciones",
    "no_channel_to_engage": "no hay canales en que interactuar",
    "channel_no_engagement": "el canal «{key}» no tiene regla de compromiso",
    "engagement_no_tone": "la regla de compromiso de «{key}» no tiene tono",
    "engagement_no_response_time": "la regla de compromiso de «{key}» no tiene tiempo de respuesta",
    "engagement_no_message_length": (
        "la regla de compromiso de «{key}» no tiene longitud del mensaje"
    ),
    "engagement_no_topics": "la regla de compromiso de «{key}» no tiene temas",
    "no_policy": "aún no hay política",
    "policy_no_acceptable": "la política no dice qué es aceptable",
    "policy_no_off_limits": "la política no dice qué está prohibido",
    "policy_no_confidential": "la política no dice qué es confidencial",
    "policy_no_capacity": (
        "la política no distingue lo que se dice en nombre de la empresa de lo personal"
    ),
    "no_calendar": "aún no hay entradas en el calendario",
    "channel_not_scheduled": "el canal «{key}» no tiene nada en el calendario",
    "no_metric_to_monitor": "no hay métricas que seguir",
    "metric_no_source": "la métrica «{key}» no tiene fuente",
    "metric_no_cadence": "la métrica «{key}» no tiene frecuencia",
    "no_advocacy": "falta un plan de promoción interna (embajadores, acciones)",
    "no_launch_date": "falta la fecha de lanzamiento",
    "no_review": "falta la frecuencia de revisión",
    "no_briefing": "aún no hay briefing",
    "briefing_no_online_presence": "el briefing no dice nada de la presencia online",
    "briefing_no_objectives": "el briefing no dice nada de los objetivos",
    "briefing_no_target_audience": "el briefing no dice nada del público objetivo",
    "no_analysis": "aún no hay análisis",
    "analysis_no_company": "el análisis no dice nada de la empresa",
    "analysis_no_sector": "el análisis no dice nada del sector",
    "analysis_no_competitors": "el análisis no dice nada de los competidores",
    "analysis_no_current_situation": "el análisis no dice nada de la situación actual",
    "no_scenarios": "falta un plan B o un plan C",
    "no_vision": "falta la visión",
    "no_mission": "falta la misión",
    "channel_no_own_purpose": "el canal «{key}» no tiene un propósito propio",
    "no_trial": "falta un periodo de prueba (launch.trial_until)",
    "trial_after_launch": "la prueba termina ({trial}) después del lanzamiento ({launch})",
    "no_campaign": "falta una campaña de lanzamiento (launch.campaign)",
    "no_people_resources": "faltan recursos de personas",
    "no_tool_resources": "faltan herramientas entre los recursos",
    "no_budget_resources": "falta presupuesto entre los recursos",
    "no_resources_short": "faltan recursos para el corto plazo",
    "no_resources_medium": "faltan recursos para el medio plazo",
    "no_resources_long": "faltan recursos para el largo plazo",
    "no_tool": "no hay ninguna herramienta entre los recursos",
    "no_objective_short": "no hay objetivos a corto plazo",
    "no_objective_medium": "no hay objetivos a medio plazo",
    "no_objective_long": "no hay objetivos a largo plazo",
    "no_business_objective": "no hay objetivos de ventas, conversiones o contactos con meta",
    "no_cost": "no hay recursos con coste",
    "audience_no_messages": "no hay mensajes para la audiencia «{key}»",
    "no_resources": "no hay recursos asignados",
    "no_indicator": "no hay indicadores por audiencia y canal",
    "no_content_value_metric": "falta una métrica del valor del contenido",
    "no_community_size_metric": "falta una métrica del tamaño de la comunidad",
    "no_influence_metric": "falta una métrica de influencia",
    "no_engagement_metric": "falta una métrica de interacción",
    "by_hand": 'una actividad: márquela como hecha a mano con status = "done"',
}


def missing_words(missing: str, lang: str) -> str:
    """What a step lacks (an item of ``StepProgress.missing``) in *lang*.

    An item without a code (a check of a plugin's) is shown as it is.

    >>> from socialplan.steps._checks import Missing
    >>> missing_words(Missing("role_no_duties", key="cm"), "es")
    'el rol «cm» no tiene tareas'
    """
    words(lang)  # an unknown language is refused as words() refuses it
    code = getattr(missing, "code", None)
    if lang == "en" or code not in _MISSING_ES:
        return str(missing)
    return _MISSING_ES[code].format(**getattr(missing, "values", {}))

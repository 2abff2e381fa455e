"""The rules of the catalog in Spanish, by code: what each finds and how to fix it.

The rules build their messages in English (``socialplan check``, the JSON outputs and the
English report show them). The Spanish report shows instead, for each finding, the
Spanish wording of its rule and the part it is about (its dotted path). Every built-in
rule has an entry here (a test checks it); a rule a plugin adds is named by its code and
name.
"""

from __future__ import annotations

__all__ = ["RULES_ES", "rule_words"]

#: Every built-in rule in Spanish: (what it finds, how to fix it), by code.
RULES_ES: dict[str, tuple[str, str]] = {
    "SP001": (
        "El archivo no es TOML ni JSON válido, no es texto UTF-8 o repite una clave.",
        "Corrija la sintaxis en la línea indicada; deje solo una de las claves repetidas.",
    ),
    "SP002": (
        "Esta versión de socialplan no lee el `format` del archivo.",
        'Escriba `format = "socialplan/1"`, o actualice socialplan.',
    ),
    "SP003": (
        "Una clave que el formato no tiene; la pista propone la más parecida.",
        "Corrija la clave (véase la pista) o quítela.",
    ),
    "SP004": (
        "Falta una clave obligatoria (el nombre del plan, el título de un objetivo…).",
        "Añada la clave.",
    ),
    "SP005": (
        "Un valor de tipo equivocado: un número en lugar de un texto, un texto en lugar de "
        "una lista.",
        "Escriba el valor con el tipo que pide el mensaje.",
    ),
    "SP006": (
        "Un valor del tipo correcto que no está permitido: una etapa desconocida, una fecha o "
        "una duración mal escritas.",
        "Use uno de los valores que lista el mensaje; la pista propone el más parecido.",
    ),
    "SP007": (
        "Una clave de tabla que no es un id: minúsculas, cifras, '_' y '-'.",
        "Use como id el propuesto, y deje el nombre visible en `name` o `title`.",
    ),
    "SP008": (
        "El archivo, una tabla o lista, un texto o el anidamiento superan lo que admite el lector.",
        "Redúzcalo, o suba el límite que indica la pista (`socialplan.Limits` en Python, "
        "`--limit NOMBRE=N` en la línea de órdenes) si el plan de verdad es tan grande.",
    ),
    "SP009": (
        "Una observación nombra una métrica que el plan no tiene; la pista propone la más "
        "parecida.",
        "Corrija el id de la métrica (véase la pista) o añada la métrica al plan.",
    ),
    "SP010": (
        "Una observación nombra un canal que el plan no tiene, o uno en que su métrica no se toma.",
        "Corrija el canal (la pista lista los de la métrica), déjelo vacío para el total de la "
        "métrica, o añada el canal a la métrica en el plan.",
    ),
    "SP011": (
        "Dos observaciones dan un valor para la misma métrica, fecha y canal; el mensaje "
        "indica la línea de la primera.",
        "Conserve una de las dos, o corrija la fecha o el canal de la otra.",
    ),
    "SP101": (
        "Una referencia por id nombra algo que el plan no tiene.",
        "Corrija el id (la pista propone el existente más parecido) o añada la parte que falta.",
    ),
    "SP102": (
        "Un registro de paso o una entrada RACI nombra un paso que la metodología no tiene.",
        "Use uno de los ids de paso de la metodología; la pista propone el más parecido.",
    ),
    "SP103": (
        "Dos partes del mismo tipo tienen el mismo nombre, o casi.",
        "Únalas, o dé a cada una un nombre que la distinga.",
    ),
    "SP104": (
        "Un valor casi igual a uno conocido (una plataforma, un tipo, una función).",
        "Use la grafía propuesta, o un valor que no se parezca tanto a uno conocido.",
    ),
    "SP201": (
        "Un objetivo que ninguna métrica mide.",
        "Añada una métrica cuyo `measures` nombre el objetivo.",
    ),
    "SP202": (
        "Una métrica que no mide ningún objetivo.",
        "Nombre en `measures` los objetivos que mide, o quítela.",
    ),
    "SP203": (
        "Un objetivo cuantitativo sin meta.",
        'Dele `target = { value, unit, deadline }`, o márquelo `measure = "qualitative"`.',
    ),
    "SP204": (
        "Una meta sin fecha límite.",
        "Añada `deadline` a la meta.",
    ),
    "SP205": (
        "Ninguna métrica de un objetivo está en la unidad de su meta.",
        "Mida el objetivo con una métrica en la unidad de la meta, o cambie la unidad de la meta.",
    ),
    "SP206": (
        "Una meta está del lado equivocado de su línea base según la dirección de la métrica.",
        "Corrija la meta o la línea base, o indique la `direction` de la métrica.",
    ),
    "SP207": (
        "Un objetivo cualitativo que ninguna métrica cualitativa mide.",
        'Añada una métrica con `kind = "qualitative"` (sentimiento, palabras asociadas…).',
    ),
    "SP208": (
        "La etapa del embudo de un objetivo no se mide en el nivel de KPI que le corresponde.",
        "Añada una métrica del nivel que corresponde, o corrija la etapa del objetivo.",
    ),
    "SP209": (
        "Un objetivo que no apoya ninguna meta de negocio.",
        "Nombre en `supports` las metas de negocio que apoya.",
    ),
    "SP210": (
        "Una fecha límite anterior al inicio del plan o posterior a su horizonte a largo plazo.",
        "Lleve la fecha límite dentro del plan, o mueva el inicio o los horizontes del plan.",
    ),
    "SP211": (
        "La meta de una métrica está del lado equivocado de su línea base según su dirección.",
        "Corrija la meta, la línea base o la dirección.",
    ),
    "SP212": (
        "Un objetivo que no nombra ninguna audiencia.",
        "Nombre en `audiences` las audiencias a las que se dirige.",
    ),
    "SP218": (
        "Un objetivo al que no sirve ninguna táctica ni ningún pilar de contenido, cuando a otros "
        "sí.",
        "Nombre el objetivo en `objectives` de una táctica o un pilar que lo sirva, añada uno, o "
        "quite el objetivo.",
    ),
    "SP301": (
        "Una audiencia a la que ningún canal llega.",
        "Añada la audiencia a los `audiences` de un canal en que esté.",
    ),
    "SP302": (
        "Un canal que no llega a ninguna audiencia.",
        "Nombre las audiencias a las que llega el canal, o quite el canal.",
    ),
    "SP303": (
        "Un canal se dirige a una audiencia que dice no estar en él.",
        "Añada el canal a los `channels` de la audiencia, o quite la audiencia del canal.",
    ),
    "SP304": (
        "Una audiencia está en un canal que no se dirige a ella.",
        "Añada la audiencia a los `audiences` del canal, o quite el canal de la audiencia.",
    ),
    "SP305": (
        "La publicación cruzada entre canales da la vuelta en círculo.",
        "Rompa el ciclo: quite uno de los enlaces `cross_posts_to` que nombra el mensaje.",
    ),
    "SP309": (
        "El plan tiene canales en marcha y no dice qué tiempo de personal ni qué presupuesto "
        "tienen.",
        'Añada un `[resources.<id>]` de `kind = "people"` que diga de quién es el tiempo y '
        "cuánto («la community manager, 10 horas a la semana»), o un presupuesto para los "
        "canales.",
    ),
    "SP401": (
        "Un canal sin responsable.",
        "Ponga en `owner` del canal el id de un rol.",
    ),
    "SP402": (
        "El plan tiene canales pero ningún community manager.",
        'Dé a un rol `function = "community_manager"`.',
    ),
    "SP403": (
        "Algunos tipos de mensaje entrante no tienen derivación en un canal.",
        "Añada reglas `[[routing]]` para los tipos que faltan (sin `channels` valen para "
        "todos los canales).",
    ),
    "SP404": (
        "Una entrada RACI sin nadie que apruebe.",
        "Ponga un rol en `accountable`.",
    ),
    "SP405": (
        "Una entrada RACI con más de un rol que aprueba.",
        "Deje un rol en `accountable`; pase los demás a `responsible` o `consulted`.",
    ),
    "SP406": (
        "La escalada entre roles da la vuelta en círculo.",
        "Rompa el ciclo en los `escalate_to` de los roles.",
    ),
    "SP409": (
        "El plan tiene canales en marcha y ninguna política de redes sociales.",
        "Añada una `[policy]`: temas vetados (`off_limits`), lo confidencial (`confidential`) y "
        "cómo habla el personal en nombre de la organización y en sus cuentas propias.",
    ),
    "SP501": (
        "Un canal sin reglas de compromiso.",
        "Añada una tabla `[engagement.<canal>]`.",
    ),
    "SP502": (
        "Una regla de compromiso que no dice en cuánto tiempo responder.",
        'Indique `response_time` ("2h", "1 day"…).',
    ),
    "SP503": (
        "Un tipo de mensaje más urgente se responde más tarde que otro menos urgente.",
        "Acorte el `within` de la derivación más urgente, o alargue el de la otra.",
    ),
    "SP504": (
        "Un contenido, una entrada del calendario o un tema de compromiso cae en un tema "
        "prohibido.",
        "Cambie el contenido, o revise la política si en realidad el tema está permitido.",
    ),
    "SP506": (
        "El plan invita a responder en sus canales y no tiene normas para lo que publican los "
        "visitantes.",
        "Añada una `[moderation]`: normas de participación (`house_rules`) y reglas que digan "
        "qué se oculta, borra o bloquea y cuándo se escala.",
    ),
    "SP601": (
        "Un pilar de contenido que no sirve a ningún objetivo.",
        "Nombre en `objectives` los objetivos a los que sirve el pilar.",
    ),
    "SP602": (
        "Las proporciones de los pilares de contenido no suman 100 %.",
        "Ajuste las proporciones para que sumen 100.",
    ),
    "SP603": (
        "Unos pilares de contenido dan su proporción y otros no.",
        "Dé una proporción a cada pilar, o a ninguno.",
    ),
    "SP604": (
        "Un canal sin entradas en el calendario editorial.",
        "Añada entradas `[[calendar]]` para el canal.",
    ),
    "SP605": (
        "Una entrada del calendario con fecha anterior al inicio del plan o posterior a su "
        "horizonte a largo plazo.",
        "Corrija la fecha, o el inicio o los horizontes del plan.",
    ),
    "SP606": (
        "El calendario de un canal no concuerda con su frecuencia de publicación.",
        "Añada o quite entradas del calendario (una que se repite lleva `repeat`), o corrija "
        "`posting_frequency`.",
    ),
    "SP609": (
        "Nada en el plan dice cuándo se revisa.",
        'Diga cada cuánto se revisa el plan: en `[launch]`, `review = "trimestral"` (o la '
        "cadencia que le convenga).",
    ),
    "SP701": (
        "Una métrica sin fuente (la herramienta o el informe de donde se lee).",
        'Indique `source` ("Facebook Insights", "Google Analytics"…).',
    ),
    "SP702": (
        "Una métrica sin frecuencia (cada cuánto se toma).",
        'Indique `cadence` ("weekly", "monthly"…).',
    ),
    "SP703": (
        "Una métrica cuantitativa sin unidad.",
        'Indique `unit` ("likes", "visits", "%"…), o marque la métrica `kind = "qualitative"`.',
    ),
    "SP704": (
        "Una métrica sin nivel de KPI.",
        "Ponga `level` a 1, 2 o 3.",
    ),
    "SP705": (
        "Una métrica que no nombra ningún canal en que se toma.",
        "Nombre los canales en `channels`.",
    ),
    "SP706": (
        "Una métrica tomada en un canal que no llega a ninguna de las audiencias del objetivo "
        "que mide.",
        "Tome la métrica en un canal que llegue a las audiencias del objetivo, o añada la "
        "audiencia a los `audiences` del canal si está en él.",
    ),
    "SP414": (
        "Se dice qué debe tener una cuenta nueva, pero nadie la aprueba o nada cierra una "
        "abandonada.",
        "Nombre en `[governance] approver` el rol que aprueba las cuentas nuevas y escriba en "
        "`closure` cuándo se cierra una (seis meses sin publicar, nadie que la atienda), con "
        "una `review` que lo compruebe.",
    ),
    "SP415": (
        "Se moderan las publicaciones de los visitantes, sin nadie nombrado para hacerlo o sin "
        "plazo.",
        "Dé la moderación a un rol (una tarea como «moderar los comentarios», o `escalate_to` "
        "en las reglas que piden una decisión) y diga en cuánto tiempo se hace "
        "(`[[routing]] within`, o `response_time` en las normas de participación).",
    ),
    "SP219": (
        "Todos los objetivos tratan de ser visto (notoriedad, visibilidad): ninguno dice qué "
        "debe hacer la gente después de ver.",
        "Añada un objetivo de lo que ser visto debe traer (candidaturas, altas, "
        "contribuciones, consultas), en la etapa de interés o de acción, con una métrica que "
        "lo cuente; deje los de notoriedad como el primer paso del embudo.",
    ),
    "SP416": (
        "Muchas cuentas, una política que habla de abrir otras y ningún proceso que las abra, "
        "las apruebe o las cierre.",
        "Añada una sección `[governance]`: cómo pide un equipo una cuenta (`requests`), qué "
        "debe tener antes (`requires`), quién la aprueba (`approver`) y cuándo se cierra "
        "(`closure`); o indique dónde se guarda (`[plan.elsewhere] governance`).",
    ),
    "SP713": (
        "Se retira un canal y se dirige a sus seguidores a otros canales, sin ninguna métrica "
        "en ellos: nadie sabrá cuántos hicieron el cambio.",
        "Tome una métrica en los canales a los que se dirige a los seguidores (`channels` en "
        "un `[metrics.*]`: altas o seguidores nuevos desde la salida, con su fuente y su "
        "frecuencia) y una línea de base del día de la salida.",
    ),
    "SP507": (
        "El canal que el plan pone primero no tiene ritmo de publicación, y otros sí.",
        'Dé al primer canal una `posting_frequency` en su `[engagement.*]` ("3 per week", '
        '"daily") y planifique el calendario con ella.',
    ),
    "SP712": (
        "Canales en marcha sin ninguna métrica, normas de participación ni táctica, mientras "
        "se miden otros.",
        "Tome una métrica en cada uno (`channels` en un `[metrics.*]`, con su frecuencia y su "
        "fuente) y deles normas de participación o una táctica; o retírelos si ya no se "
        "mantienen.",
    ),
    "SP610": (
        "Un escenario cierra cuentas por un juicio sin métrica ni umbral.",
        "Dele un desencadenante medible: una condición `[[scenarios.<id>.when]]` sobre una "
        "métrica del plan, o un umbral en su `trigger` («ninguna publicación en tres meses»), "
        "y diga quién decide.",
    ),
    "SP612": (
        "Un escenario silencia todas las publicaciones y no dice cuándo ni cómo vuelven a "
        "hablar los canales.",
        "Añada qué lo termina y quién lo decide («se reanuda cuando la responsable dé la "
        "crisis por cerrada»), y qué se publica mientras tanto (un comunicado de espera).",
    ),
    "SP613": (
        "El plan dice cada cuánto se revisa, y nadie tiene a su cargo la revisión.",
        'Diga quién la lleva: `[raci.steps.launch]` con `accountable = ["<rol>"]`, o una '
        "tarea del rol que guarda la estrategia («revisar la estrategia cada año con los "
        "resultados»).",
    ),
    "SP904": (
        "Una parte del plan vale solo hasta que ocurra algo, sin nadie que lo haga ocurrir "
        "ni fecha.",
        "Encargue a alguien lo que el plan espera, con una fecha (una táctica con `owner` y "
        "`starts`/`ends`), o decida ahora y quite el «hasta que».",
    ),
    "SP711": (
        "El plan toma métricas y ningún informe las lee.",
        "Añada un `[reporting.<id>]` con sus `metrics`, su responsable (`owner`), a quién va "
        "(`to`) y cada cuánto (`every`).",
    ),
    "SP801": (
        "Los pasos de la metodología del plan se necesitan unos a otros en círculo.",
        "Quite uno de los `needs` que nombra el mensaje.",
    ),
    "SP802": (
        "Un paso de la metodología del plan necesita un paso que no existe.",
        "Corrija el id del paso (la pista propone el más parecido) o declare el paso.",
    ),
    "SP803": (
        "Un paso de la metodología del plan usa una comprobación que no existe.",
        "Use el nombre de una comprobación incorporada (los ids de los 14 pasos y algunas "
        "más), o quite `check` para marcar el paso como hecho a mano.",
    ),
    "SP804": (
        "El plan nombra una metodología que no viene incorporada, y no declara pasos.",
        'Nombre una incorporada ("14-steps", "a-s", "listen-think-act-monitor") o declare pasos.',
    ),
    "SP805": (
        "Un paso marcado como hecho a mano cuyo contenido el plan no tiene.",
        "Complete el contenido (el mensaje dice qué falta) o devuelva el paso a su estado "
        "anterior.",
    ),
    "SP806": (
        "Un paso está marcado como hecho mientras otro que necesita no lo está.",
        "Termine (u omita, con un motivo) los pasos que necesita.",
    ),
    "SP807": (
        "Un paso omitido a mano sin una nota que diga por qué.",
        "Añada una `note` al registro del paso.",
    ),
    "SP808": (
        "Un paso cuyo contenido está completo sigue marcado como pendiente o en curso.",
        'Ponga `status = "done"` cuando el trabajo esté hecho.',
    ),
    "SP213": (
        "Una meta de negocio a la que no sirve ningún objetivo.",
        "Añada un objetivo que sirva a la meta (`supports`) o nómbrela en el de uno que ya lo "
        "haga; si las redes no deben servirla, dígalo en su descripción o quítela del plan.",
    ),
    "SP214": (
        "Un objetivo de resultado (ventas, contactos, altas, uso de un servicio, fidelidad) "
        "medido solo con cifras de exposición (seguidores, me gusta, impresiones, alcance).",
        "Añada una métrica de aquello de lo que trata el objetivo: pedidos, reservas, altas, "
        "visitas a la web, consultas atendidas; la exposición queda como señal de camino.",
    ),
    "SP215": (
        "Todas las metas del plan cuentan exposición (seguidores, suscriptores, me gusta): nada "
        "dice cómo es el éxito más allá de ser visto.",
        "Fije una meta de lo que la organización quiere de las redes (altas, asistencia, "
        "aportaciones, consultas, visitas a la web) en el objetivo que trata de ello.",
    ),
    "SP216": (
        "Una meta relativa («+10 %») sin la cifra de partida desde la que se mide.",
        "Escriba la cifra de partida: `baseline` en la meta o en la métrica que la mide, con la "
        "fecha en que se tomó.",
    ),
    "SP217": (
        "Una meta promediada entre canales, en la que un canal fuerte puede tapar a los débiles.",
        'Use `aggregate = "each"` para un mínimo en cada canal, o dé a los canales que importan '
        "sus propias métricas y metas.",
    ),
    "SP220": (
        "Una meta sobre el período anterior sin cantidad: cualquier subida la cumple.",
        "Diga cuánto: «+5 % al mes desde una cifra de partida de 1.200» es `value = 5`, "
        '`unit = "%"`, `relative = "previous"` y `baseline = 1200` en la meta.',
    ),
    "SP306": (
        "Canales que no dicen para qué sirven.",
        "Dé a cada canal un `purpose`: lo que hace que los otros no hacen, y para quién.",
    ),
    "SP307": (
        "Dos canales declaran el mismo propósito.",
        "Diga qué hace cada canal que el otro no hace, o quédese con uno de ellos.",
    ),
    "SP308": (
        "El único público del plan es todo el mundo.",
        "Divídalo en los grupos que el plan debe alcanzar y que necesitan cosas distintas (la "
        "regla se activa a petición: selecciónela por su código).",
    ),
    "SP313": (
        "Cinco públicos o más, y ninguno va primero.",
        'Marque el público o los dos que más importan con `priority = "primary"` (y los '
        'demás `"secondary"`), y oriente a ellos primero los objetivos y los canales.',
    ),
    "SP407": (
        "Un rol sin nadie dentro del que el plan depende.",
        "Nombre a las personas del rol (`people`), o pase sus canales y aprobaciones a un rol "
        "que las tenga.",
    ),
    "SP408": (
        "Una sola persona lleva todos los canales, o todas las redes sociales de un plan de "
        "tres canales o más, sin nadie que la sustituya.",
        "Nombre a una segunda persona en el rol, o pase algunos canales a otro rol; diga en "
        "`resources` cuánto tiempo le llevan los canales.",
    ),
    "SP310": (
        "Un canal propuesto, condicional o en retirada sin nada que lo decida.",
        "Decídalo: dele una fecha (una táctica del canal con `starts`, una entrada del "
        "calendario, una condición de `[launch]` que lo nombre, con su `approver`), escriba la "
        "condición de un canal condicional en `status_note`, la fecha `status_since` desde la "
        "que se retira uno en retirada, y un `owner` que decida; o quite el canal hasta "
        "decidirlo.",
    ),
    "SP410": (
        "Doble revisión, y la única persona que aprueba lleva ella sola algunos canales.",
        "Nombre en el rol que aprueba a una segunda persona que pueda aprobar (quien está en "
        "formación, la «sombra», no cuenta), o haga responsable (`accountable`) de esos "
        "canales a otro rol en `[raci.channels]`.",
    ),
    "SP411": (
        "La aprobación exime canales enteros, la mayoría de los que están en marcha.",
        "Apruebe también las publicaciones de esos canales y deje en `exempt` solo tipos de "
        "publicación, como las respuestas a comentarios.",
    ),
    "SP412": (
        "Una persona ocupa varios roles de los que depende el plan, y es la única en uno.",
        "Dé a ese rol una segunda persona que pueda actuar (no solo acompañar como sombra), o "
        "deje el otro rol a otra persona.",
    ),
    "SP413": (
        "El plan prevé crisis y no nombra a nadie que decida o apruebe lo que se dice en una.",
        "Dé a un rol el deber de decidir y aprobar lo que se publica en una crisis (en sus "
        "`duties`, o un rol para ello, como un gabinete de crisis), y dirija a él los mensajes "
        '`crisis` con una regla `[[routing]]` (`message = "crisis"`).',
    ),
    "SP505": (
        "Un objetivo invita a participar mientras la moderación silencia todas las respuestas.",
        "Modere tipos de mensaje (insultos, spam, datos personales) y no todos; o, si los "
        "comentarios deben seguir cerrados, oriente el objetivo a otra cosa.",
    ),
    "SP607": (
        "Entradas del calendario pasaron el paso de aprobación sin nadie que pudiera aprobarlas.",
        "Nombre el `approver` de `[approval]`; con `four_eyes`, dé una segunda persona al rol "
        "que aprueba, o dé las entradas a otro responsable.",
    ),
    "SP608": (
        "El periodo de prueba termina después del lanzamiento.",
        "Termine la prueba (`launch.trial_until`) antes del lanzamiento, o mueva el lanzamiento.",
    ),
    "SP707": (
        "Una métrica que valora la comunicación por su equivalencia publicitaria (AVE).",
        "Mida lo que las publicaciones lograron para el objetivo: alcance en el público, cuota "
        "de conversación, sentimiento, visitas, altas, consultas.",
    ),
    "SP708": (
        "Una métrica cuantitativa sin meta, cuando el plan le da cifra de partida o fija metas "
        "a las demás métricas de su tipo.",
        "Dé una `target` a la métrica (o a su objetivo), como sus hermanas; o diga en `cite` por "
        "qué se sigue sin meta.",
    ),
    "SP709": (
        "Un informe de resultados que no nombra a quién lo recibe.",
        "Nombre en `to` a quién lo recibe (un rol del plan, o un órgano como «dirección») y qué "
        "decide con él.",
    ),
    "SP809": (
        "Secciones del plan que aún no se han empezado.",
        "Empiece las secciones nombradas, en el orden de `socialplan status`, cuando el plan "
        "llegue a ellas.",
    ),
    "SP901": (
        "Un valor que aún es provisional (TODO, TBD, «…», «próximamente»), a la espera de las "
        "palabras del plan.",
        "Sustituya el texto provisional por el del plan, o quite la clave.",
    ),
    "SP902": (
        "Una supresión (`# socialplan: ignore[SP204]` o una entrada de "
        "`[check.per_path_ignores]`) que no oculta ningún hallazgo.",
        "Quite el comentario, el código que sobra o la entrada por ruta, como dice el mensaje.",
    ),
    "SP903": (
        "Un comentario que empieza por `# socialplan:` pero no es una supresión válida: "
        "`ignore` mal escrito, sin corchetes o con un código que no nombra ninguna regla.",
        "Escriba `# socialplan: ignore[CÓDIGO, ...]`, con el motivo tras un guion si quiere: "
        "`# socialplan: ignore[SP204] - la fecha la fija la junta`.",
    ),
}


def rule_words(code: str, name: str = "") -> tuple[str, str]:
    """What the rule *code* finds and how to fix it, in Spanish.

    A rule without Spanish wording (one a plugin adds) is named by its code and *name*,
    never by its English sentences.

    >>> rule_words("SP204")
    ('Una meta sin fecha límite.', 'Añada `deadline` a la meta.')
    >>> rule_words("ACME101", "acme-rule")
    ('Regla ACME101 (acme-rule).', 'Véase `socialplan rules ACME101`.')
    """
    found = RULES_ES.get(code)
    if found is not None:
        return found
    named = f" ({name})" if name else ""
    return (f"Regla {code}{named}.", f"Véase `socialplan rules {code}`.")

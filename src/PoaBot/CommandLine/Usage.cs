namespace PoaBot.CommandLine;

public static class Usage
{
    public const string Text =
        """
        PoaBot: el POA de la Dirección de Participación Ciudadana, en Telegram.

        Uso: dotnet run --project src/PoaBot -- <comando> [opciones]

          run                                   el bot de Telegram (necesita Telegram:Token)
          local [--as director|coordinador] [--fecha dd/mm/aaaa] [--db ARCHIVO]
                                                conversar con el bot en esta terminal, en su
                                                propia base (data/local.db), nunca la del bot
          import ARCHIVO                        importar el POA (TSV o CSV exportado de la hoja)
          summary [--year AAAA] [--al dd/mm/aaaa] [--trimestral | --consejos] [--csv]
                                                la tabla del POA a una fecha (o por trimestre, o por consejo)
          export --xlsx ARCHIVO [--year AAAA] [--al dd/mm/aaaa]
                                                el POA, los registros y la auditoría en Excel
          export --csv ARCHIVO [--year AAAA] [--al dd/mm/aaaa]
                                                la tabla del POA en CSV (como summary --csv)
          chart ARCHIVO [--year AAAA] [--al dd/mm/aaaa]
                                                la gráfica de avance en PNG
          activity kind NUM TIPO [--year AAAA]  cambiar el tipo de una actividad
                                                (reuniones, solicitudes, gestiones, programas, generica)
          council add NOMBRE [--locality LOCALIDAD]
          council import ARCHIVO                consejos desde CSV: nombre, localidad
          invite --role coordinador --council NOMBRE [--council NOMBRE…]
          invite --role director                una invitación de un solo uso
          remind --dry-run [--fecha dd/mm/aaaa] quién recibiría recordatorios ese día, y por qué
          backup ARCHIVO                        copia consistente de la base de datos
          status                                cómo está el bot en marcha (0 en orden, 1 con problemas)
          restore CARPETA                       volver a una copia de respaldo (con el bot detenido)
          --version                             versión y commit de este programa

        """;
}

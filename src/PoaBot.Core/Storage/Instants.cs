using System.Data;
using System.Globalization;
using Dapper;
using PoaBot.Core.Domain;

namespace PoaBot.Core.Storage;

/// <summary>
/// How typed values are stored: instants as UTC ISO-8601 text with Z, dates as yyyy-MM-dd, activity kinds by their code,
/// a directorate's settings as JSON.
/// Dapper converts them both ways (<see cref="Register"/>, once, by <see cref="Database"/>), so code passes and reads them typed.
/// </summary>
public static class Instants
{
    public static string Format(DateTimeOffset instant) =>
        instant.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss.fff'Z'", CultureInfo.InvariantCulture);

    public static DateTimeOffset Parse(string text) =>
        DateTimeOffset.Parse(text, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal | DateTimeStyles.AdjustToUniversal);

    public static string Format(DateOnly date) => date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    public static DateOnly ParseDate(string text) => DateOnly.ParseExact(text, "yyyy-MM-dd", CultureInfo.InvariantCulture);

    internal static void Register()
    {
        // Dapper hands DateTimeOffset and DateOnly to the provider as they are (another text format) unless unmapped first.
        foreach (var type in new[] { typeof(DateTimeOffset), typeof(DateTimeOffset?), typeof(DateOnly), typeof(DateOnly?) })
        {
            SqlMapper.RemoveTypeMap(type);
        }

        SqlMapper.AddTypeHandler(typeof(DateTimeOffset), new Text<DateTimeOffset>(Format, Parse));
        SqlMapper.AddTypeHandler(typeof(DateOnly), new Text<DateOnly>(Format, ParseDate));
        SqlMapper.AddTypeHandler(typeof(ActivityKind), new Text<ActivityKind>(k => k.Code, ActivityKinds.FromCode));
        SqlMapper.AddTypeHandler(typeof(DirectorateSettings), new Text<DirectorateSettings>(s => s.ToJson(), t => DirectorateSettings.Parse(t)!));
    }

    /// <summary>A value stored as text; NULL reads as null (a scalar query hands the handler DBNull).</summary>
    private sealed class Text<T>(Func<T, string> format, Func<string, T> parse) : SqlMapper.ITypeHandler
    {
        public void SetValue(IDbDataParameter parameter, object value)
        {
            parameter.DbType = DbType.String;
            parameter.Value = value is T typed ? format(typed) : DBNull.Value;
        }

        public object? Parse(Type destinationType, object value) => value is string text ? parse(text) : null;
    }
}

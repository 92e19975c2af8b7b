using System.Globalization;
using System.Text.Json;
using Microsoft.AspNetCore.Http;

namespace PoaBot.FakeTelegram;

/// <summary>Request parameters merged from the query string, a JSON body and form fields (JSON wins, then form, then query).</summary>
internal sealed class ApiParameters
{
    private readonly Dictionary<string, JsonElement> _json = new(StringComparer.Ordinal);
    private readonly Dictionary<string, string> _strings = new(StringComparer.Ordinal);
    private readonly Dictionary<string, IFormFile> _files = new(StringComparer.Ordinal);

    public static async Task<ApiParameters> ReadAsync(HttpRequest request, CancellationToken cancellationToken)
    {
        var parameters = new ApiParameters();
        foreach (var (key, value) in request.Query)
        {
            parameters._strings[key] = value.ToString();
        }

        if (request.HasFormContentType)
        {
            var form = await request.ReadFormAsync(cancellationToken);
            foreach (var (key, value) in form)
            {
                parameters._strings[key] = value.ToString();
            }

            foreach (var file in form.Files)
            {
                parameters._files[file.Name] = file;
            }
        }
        else if (request.ContentLength is not 0 && request.ContentType is { } type
            && type.Contains("json", StringComparison.OrdinalIgnoreCase))
        {
            try
            {
                using var document = await JsonDocument.ParseAsync(request.Body, cancellationToken: cancellationToken);
                if (document.RootElement.ValueKind == JsonValueKind.Object)
                {
                    foreach (var property in document.RootElement.EnumerateObject())
                    {
                        parameters._json[property.Name] = property.Value.Clone();
                    }
                }
            }
            catch (JsonException)
            {
                throw BotApiException.BadRequest("can't parse JSON object");
            }
        }

        return parameters;
    }

    public bool Has(string name) => _json.ContainsKey(name) || _strings.ContainsKey(name) || _files.ContainsKey(name);

    public string? GetString(string name)
    {
        if (_json.TryGetValue(name, out var element))
        {
            return element.ValueKind switch
            {
                JsonValueKind.String => element.GetString(),
                JsonValueKind.Null or JsonValueKind.Undefined => null,
                _ => element.GetRawText(),
            };
        }

        return _strings.TryGetValue(name, out var value) ? value : null;
    }

    public long? GetLong(string name)
    {
        if (_json.TryGetValue(name, out var element) && element.ValueKind == JsonValueKind.Number)
        {
            return element.TryGetInt64(out var number) ? number : null;
        }

        var text = GetString(name);
        if (string.IsNullOrWhiteSpace(text))
        {
            return null;
        }

        return long.TryParse(text.Trim(), NumberStyles.Integer, CultureInfo.InvariantCulture, out var parsed)
            ? parsed
            : throw BotApiException.BadRequest($"invalid {name} specified");
    }

    public int? GetInt(string name)
    {
        var value = GetLong(name);
        return value is null ? null : (int)Math.Clamp(value.Value, int.MinValue, int.MaxValue);
    }

    public bool GetBool(string name)
    {
        if (_json.TryGetValue(name, out var element))
        {
            return element.ValueKind == JsonValueKind.True
                || (element.ValueKind == JsonValueKind.String && IsTrue(element.GetString()))
                || (element.ValueKind == JsonValueKind.Number && element.GetRawText() != "0");
        }

        return _strings.TryGetValue(name, out var value) && IsTrue(value);
    }

    /// <summary>A nested object or array; form fields carry them as JSON strings.</summary>
    public JsonElement? GetJson(string name)
    {
        if (_json.TryGetValue(name, out var element))
        {
            if (element.ValueKind is JsonValueKind.Object or JsonValueKind.Array)
            {
                return element;
            }

            if (element.ValueKind == JsonValueKind.String)
            {
                return ParseJson(name, element.GetString());
            }

            return element.ValueKind is JsonValueKind.Null or JsonValueKind.Undefined ? null : element;
        }

        return _strings.TryGetValue(name, out var value) ? ParseJson(name, value) : null;
    }

    public IFormFile? GetFile(string name) => _files.TryGetValue(name, out var file) ? file : null;

    private static JsonElement? ParseJson(string name, string? text)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            return null;
        }

        try
        {
            using var document = JsonDocument.Parse(text);
            return document.RootElement.Clone();
        }
        catch (JsonException)
        {
            throw BotApiException.BadRequest($"can't parse {name} JSON object");
        }
    }

    private static bool IsTrue(string? value) =>
        string.Equals(value, "true", StringComparison.OrdinalIgnoreCase) || value == "1";
}

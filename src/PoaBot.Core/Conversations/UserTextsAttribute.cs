namespace PoaBot.Core.Conversations;

/// <summary>
/// Marks a class that holds one feature's user-facing Spanish texts (its public string constants, fields, properties
/// and methods returning string). A test writes them all, with sample values, to docs/textos.md for review.
/// </summary>
[AttributeUsage(AttributeTargets.Class, Inherited = false)]
public sealed class UserTextsAttribute(string feature) : Attribute
{
    /// <summary>What the texts are for, in Spanish: the heading in docs/textos.md.</summary>
    public string Feature { get; } = feature;
}

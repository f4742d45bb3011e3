using System.Globalization;

namespace SimZsl;

/// <summary>The one way options records validate themselves (scikit-learn style: settings are plain init-only
/// values, checked together when they are used): each rule is declared as one <see cref="Require"/> line, and
/// <see cref="ThrowIfAny"/> names every broken rule in one <see cref="ArgumentException"/>, so a user fixes all of
/// them in one round.</summary>
/// <param name="what">The options' name in the message ("zero-shot training", "κ-MDS").</param>
internal sealed class OptionViolations(string what)
{
    private readonly List<string> _problems = [];

    /// <summary>The violations found so far.</summary>
    public IReadOnlyList<string> Problems => _problems;

    /// <summary>Records <paramref name="message"/> (formatted invariantly) unless <paramref name="condition"/> holds.</summary>
    public OptionViolations Require(bool condition, FormattableString message)
    {
        if (!condition)
        {
            _problems.Add(message.ToString(CultureInfo.InvariantCulture));
        }

        return this;
    }

    /// <summary>Records the violations of nested options (a trainer's head settings).</summary>
    public OptionViolations Include(IEnumerable<string> problems)
    {
        _problems.AddRange(problems);
        return this;
    }

    /// <summary>Throws "Invalid … options: …" naming every violation; returns when there is none.</summary>
    public void ThrowIfAny()
    {
        if (_problems.Count > 0)
        {
            throw new ArgumentException($"Invalid {what} options: " + string.Join(" ", _problems));
        }
    }
}

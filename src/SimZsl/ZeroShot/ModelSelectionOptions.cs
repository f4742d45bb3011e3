namespace SimZsl.ZeroShot;

/// <summary>Settings of <see cref="ModelSelection"/>, checked once by <see cref="Validate"/>.</summary>
public sealed record ModelSelectionOptions
{
    /// <summary>Number of folds over the seen classes; each fold holds out a group of at least two classes as
    /// validation-unseen. Fewer folds are used when there are not enough seen classes. Default 3. Ignored when
    /// <see cref="ValidationClasses"/> is given.</summary>
    public int Folds { get; init; } = 3;

    /// <summary>The validation-unseen classes of a benchmark's own split (xlsa17's val classes, the classes of
    /// <c>val_loc</c>): a single fold that holds out exactly these seen classes and fits on the others, instead of
    /// seeded folds. Every one must be a seen class, with at least two to hold out and two left to fit on. Null (the
    /// default): <see cref="Folds"/> seeded folds.</summary>
    public IReadOnlyList<string>? ValidationClasses { get; init; }

    /// <summary>Fraction of each remaining seen class's instances kept as validation-seen (for the GZSL harmonic mean
    /// and the calibrated-stacking γ). Default 0.2.</summary>
    public double ValidationSeenFraction { get; init; } = 0.2;

    /// <summary>At most this many instances per class take part in the selection (a seeded subsample), so that its
    /// cost does not grow with the data set; null: all. Default 500.</summary>
    public int? MaxInstancesPerClass { get; init; } = 500;

    /// <summary>Seed of the fold assignment, the validation-seen split and the subsample. Default 0.</summary>
    public int Seed { get; init; }

    /// <summary>Throws one <see cref="ArgumentException"/> naming every violation.</summary>
    public void Validate() => new OptionViolations("model-selection")
        .Require(Folds >= 1, $"Folds must be ≥ 1 (got {Folds}).")
        .Require(ValidationSeenFraction > 0 && ValidationSeenFraction < 1, $"ValidationSeenFraction must be in (0, 1) (got {ValidationSeenFraction}).")
        .Require(MaxInstancesPerClass is not < 2, $"MaxInstancesPerClass must be ≥ 2 or null (got {MaxInstancesPerClass}).")
        .Require(ValidationClasses is null || ValidationClasses.Count >= 2, $"ValidationClasses must hold at least two classes, or be null (got {ValidationClasses?.Count}).")
        .Require(Repeated(ValidationClasses).Length == 0, $"ValidationClasses lists {string.Join(", ", Repeated(ValidationClasses))} more than once.")
        .ThrowIfAny();

    private static string[] Repeated(IReadOnlyList<string>? classes) =>
        classes is null ? [] : classes.GroupBy(c => c, StringComparer.Ordinal).Where(g => g.Count() > 1).Select(g => $"'{g.Key}'").ToArray();
}

using System.Reflection;
using SimZsl.ZeroShot;

namespace SimZsl.Tests.ZeroShot;

/// <summary>Dependencies point one way: model files (SimZsl.IO) know the zero-shot types, never the reverse.</summary>
public class ZeroShotLayeringTests
{
    [Fact]
    public void NoZeroShotTypeReferencesTheIoNamespace()
    {
        const BindingFlags All = BindingFlags.Public | BindingFlags.NonPublic | BindingFlags.Instance | BindingFlags.Static | BindingFlags.DeclaredOnly;
        var zeroShot = typeof(ZeroShotModel).Assembly.GetTypes().Where(t => t.Namespace == "SimZsl.ZeroShot").ToArray();
        Assert.NotEmpty(zeroShot);
        var offenders = new List<string>();
        foreach (var type in zeroShot)
        {
            var used = type.GetFields(All).Select(f => f.FieldType)
                .Concat(type.GetProperties(All).Select(p => p.PropertyType))
                .Concat(type.GetMethods(All).SelectMany(m => m.GetParameters().Select(p => p.ParameterType).Append(m.ReturnType)))
                .Concat(type.GetConstructors(All).SelectMany(c => c.GetParameters().Select(p => p.ParameterType)))
                .Concat(type.GetMethods(All).Select(m => m.GetMethodBody()).OfType<MethodBody>().SelectMany(b => b.LocalVariables.Select(v => v.LocalType)));
            offenders.AddRange(used.Where(t => t.Namespace == "SimZsl.IO").Select(t => $"{type.Name} → {t.Name}"));
        }

        // The source too: a call into IO leaves no trace in signatures or locals.
        string folder = Path.Combine(RepositoryPaths.Root, "src", "SimZsl", "ZeroShot");
        offenders.AddRange(Directory.EnumerateFiles(folder, "*.cs", SearchOption.AllDirectories)
            .Where(f => File.ReadLines(f).Any(l => !l.TrimStart().StartsWith("//", StringComparison.Ordinal) && l.Contains("SimZsl.IO", StringComparison.Ordinal)))
            .Select(Path.GetFileName)!);
        Assert.Empty(offenders);
    }
}

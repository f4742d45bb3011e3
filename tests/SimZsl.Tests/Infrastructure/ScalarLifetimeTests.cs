using System.Reflection;
using System.Reflection.Emit;
using TorchSharp;

namespace SimZsl.Tests.Infrastructure;

/// <summary>No SimZsl method lets a libtorch scalar die during the call it is passed to (see <c>KeptScalars</c>):
/// the IL of every method is scanned for TorchSharp's implicit double → Scalar conversion, and for explicit
/// <c>ToScalar</c> outside the two places that own their scalars' lifetime.</summary>
public class ScalarLifetimeTests
{
    private static readonly Dictionary<short, OpCode> OpCodesByValue = typeof(OpCodes)
        .GetFields(BindingFlags.Public | BindingFlags.Static)
        .Select(f => (OpCode)f.GetValue(null)!)
        .ToDictionary(o => o.Value);

    private static readonly string[] OwnersOfScalars = ["SimZsl.Numerics.KeptScalars", "SimZsl.Numerics.DecoupledAdam"];

    [Fact]
    public void NoScalarOfTheLibraryCanBeFinalisedDuringALibtorchCall()
    {
        var offences = typeof(SimZsl.RowMatrix).Assembly.GetTypes().SelectMany(t => Methods(t).SelectMany(m => Offences(t, m))).Distinct().ToList();
        Assert.True(offences.Count == 0, "Scalars that may be finalised during a libtorch call:\n" + string.Join("\n", offences));
    }

    [Fact]
    public void TheEncodersModulesMakeNoTemporaryScalars()
    {
        // Module.call reaches forward through a virtual call, which the scan of SimZsl cannot follow: check the
        // forward methods of every module type EncoderSpec builds.
        Type[] modules = [typeof(TorchSharp.Modules.Linear), typeof(TorchSharp.Modules.ReLU), typeof(TorchSharp.Modules.Conv2d),
            typeof(TorchSharp.Modules.MaxPool2d), typeof(TorchSharp.Modules.Flatten), typeof(TorchSharp.Modules.Unflatten),
            typeof(TorchSharp.Modules.Sequential)];
        var offenders = modules
            .SelectMany(t => t.GetMethods(BindingFlags.Public | BindingFlags.Instance).Where(m => m.Name == "forward" && m.DeclaringType == t))
            .Where(CreatesTemporaryScalar)
            .Select(m => $"{m.DeclaringType!.Name}.{m}")
            .ToList();
        Assert.True(offenders.Count == 0, "Modules whose forward makes a temporary Scalar:\n" + string.Join("\n", offenders));
        Assert.All(modules, t => Assert.Contains(t.GetMethods(), m => m.Name == "forward" && m.DeclaringType == t));
    }

    [Theory]
    [InlineData(nameof(ImplicitConversion), "converts")]
    [InlineData(nameof(TensorSum), "temporary Scalar")]
    [InlineData(nameof(TorchSharpOptimiser), "optimiser")]
    public void TheScanSeesEachKindOfOffence(string method, string expected)
    {
        var info = typeof(ScalarLifetimeTests).GetMethod(method, BindingFlags.NonPublic | BindingFlags.Static)!;
        Assert.Contains(Offences(typeof(ScalarLifetimeTests), info), o => o.Contains(expected, StringComparison.Ordinal));
    }

    private static Scalar ImplicitConversion(double value) => value;

    private static torch.Tensor TensorSum(torch.Tensor a, torch.Tensor b) => a + b;

    private static void TorchSharpOptimiser(torch.nn.Module<torch.Tensor, torch.Tensor> module)
    {
        using var optimizer = torch.optim.AdamW(module.parameters());
        optimizer.step();
    }

    private static IEnumerable<string> Offences(Type type, MethodBase method)
    {
        bool owner = OwnersOfScalars.Any(o => (type.FullName ?? "").StartsWith(o, StringComparison.Ordinal));
        foreach (var called in CalledMethods(method))
        {
            var declaring = called.DeclaringType;
            if (IsScalarConversion(called) && !(owner && declaring == typeof(ScalarExtensionMethods)))
            {
                yield return $"{type.FullName}.{method.Name} converts to a Scalar itself ({declaring!.Name}.{called.Name})";
            }
            else if (declaring is not null && (declaring == typeof(torch.optim) || typeof(torch.optim.Optimizer).IsAssignableFrom(declaring)))
            {
                // Their steps run inside TorchSharp (virtual calls this scan cannot follow) and make temporary scalars.
                yield return $"{type.FullName}.{method.Name} uses TorchSharp's optimiser ({declaring.Name}.{called.Name}); use DecoupledAdam";
            }
            else if (declaring?.Assembly == typeof(Scalar).Assembly && CreatesTemporaryScalar(called))
            {
                yield return $"{type.FullName}.{method.Name} calls {declaring.Name}.{called}, which makes a temporary Scalar";
            }
        }
    }

    private static readonly Dictionary<MethodBase, bool> TemporaryScalars = [];

    // Whether a TorchSharp method (or one it calls, within TorchSharp) converts a number to a Scalar.
    private static bool CreatesTemporaryScalar(MethodBase method)
    {
        if (TemporaryScalars.TryGetValue(method, out bool known))
        {
            return known;
        }

        TemporaryScalars[method] = false;   // cycles: assume clean while visiting
        bool result = CalledMethods(method).Any(c => IsScalarConversion(c)
            || (c.DeclaringType?.Assembly == typeof(Scalar).Assembly && c.DeclaringType != typeof(Scalar) && CreatesTemporaryScalar(c)));
        TemporaryScalars[method] = result;
        return result;
    }

    private static bool IsScalarConversion(MethodBase m) =>
        (m.DeclaringType == typeof(Scalar) && m.Name == "op_Implicit")
        || (m.DeclaringType == typeof(ScalarExtensionMethods) && m.Name.StartsWith("To", StringComparison.Ordinal) && m.Name.EndsWith("Scalar", StringComparison.Ordinal));

    private static IEnumerable<MethodBase> Methods(Type type)
    {
        const BindingFlags all = BindingFlags.Public | BindingFlags.NonPublic | BindingFlags.Instance | BindingFlags.Static | BindingFlags.DeclaredOnly;
        return type.GetMethods(all).Cast<MethodBase>().Concat(type.GetConstructors(all));
    }

    // Walks the IL opcode by opcode and resolves the operand of every call, callvirt, newobj and ldftn.
    private static IEnumerable<MethodBase> CalledMethods(MethodBase method)
    {
        var il = method.GetMethodBody()?.GetILAsByteArray();
        if (il is null)
        {
            yield break;
        }

        var typeArguments = method.DeclaringType is { IsGenericType: true } t ? t.GetGenericArguments() : null;
        var methodArguments = method.IsGenericMethod ? method.GetGenericArguments() : null;
        int position = 0;
        while (position < il.Length)
        {
            short value = il[position] == 0xFE ? (short)(0xFE00 | il[position + 1]) : il[position];
            var opCode = OpCodesByValue[value];
            position += opCode.Size;
            if (opCode.OperandType == OperandType.InlineMethod)
            {
                int token = BitConverter.ToInt32(il, position);
                MethodBase? called = null;
                try
                {
                    called = method.Module.ResolveMethod(token, typeArguments, methodArguments);
                }
                catch (ArgumentException) when (method.DeclaringType?.Assembly != typeof(SimZsl.RowMatrix).Assembly)
                {
                    // A token inside TorchSharp that needs a generic context the walk does not have: skipped. In
                    // SimZsl's own methods every call must resolve (the exception fails the test).
                }

                if (called is not null)
                {
                    yield return called;
                }
            }

            position += OperandSize(opCode.OperandType, il, position);
        }
    }

    private static int OperandSize(OperandType type, byte[] il, int position) => type switch
    {
        OperandType.InlineNone => 0,
        OperandType.ShortInlineBrTarget or OperandType.ShortInlineI or OperandType.ShortInlineVar => 1,
        OperandType.InlineVar => 2,
        OperandType.InlineI8 or OperandType.InlineR => 8,
        OperandType.InlineSwitch => 4 + (4 * BitConverter.ToInt32(il, position)),
        _ => 4,
    };
}

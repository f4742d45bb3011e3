using System.CommandLine;
using System.Globalization;
using SimZsl.IO;
using SimZsl.Onnx;

namespace SimZsl.Cli.Commands;

/// <summary><c>simzsl features</c>: image features from an ONNX image network (ONNX Runtime) for an image folder or
/// IDX files, streamed to a float32 <c>.npy</c> that <c>simzsl zsl --features</c> reads, with the labels file.</summary>
internal static class FeaturesCommand
{
    public static Command Create(Func<ParseResult, CliContext> context)
    {
        var model = CliOptions.RequiredPath("--model", "The ONNX image network (one float32 input N × C × H × W, C = 1 or 3), e.g. a ResNet or CLIP's image encoder exported with torch.onnx.export.");
        model.HelpName = "NET.onnx";
        var images = CliOptions.NonEmpty(new Option<string?>("--images") { Description = $"Image folder: one sub-folder per class, named for the class, holding its images ({ImageFolder.Extensions}).", HelpName = "DIR" });
        var idx = CliOptions.NonEmpty(new Option<string?>("--idx") { Description = "IDX images instead of a folder (MNIST, Fashion-MNIST: N × H × W grey bytes), raw or .gz.", HelpName = "IMAGES.idx3-ubyte[.gz]" });
        var idxLabels = CliOptions.NonEmpty(new Option<string?>("--idx-labels") { Description = "The IDX labels of --idx (N bytes), raw or .gz.", HelpName = "LABELS.idx1-ubyte[.gz]" });
        var idxClassNames = CliOptions.NonEmpty(new Option<string?>("--idx-class-names") { Description = "Text file naming the IDX label values, line k + 1 for label k (default: the numbers themselves).", HelpName = "NAMES.txt" });
        var output = CliOptions.RequiredPath("--output", "Features to write: float32 .npy, one row per image (folder: classes and files in name order).");
        output.HelpName = "F.npy";
        var labelsOutput = CliOptions.NonEmpty(new Option<string?>("--labels-output") { Description = "Labels to write: one class name per line, one line per feature row (what 'simzsl zsl --labels' reads).", HelpName = "LABELS.csv" });
        var outputNode = new Option<string?>("--output-node") { Description = "The model output to take the features from (flattened per image). Default: the first output.", HelpName = "NAME" };
        var batchSize = CliOptions.Positive("--batch-size", "Images per run of the network.", defaultValue: 32);
        var resize = new Option<int?>("--resize") { Description = "Resize the shorter side to N pixels (antialiased bilinear) before the centre crop. Default: the crop size (the model's input size, or --crop when given), or 256 for a model of free size without --crop.", HelpName = "N" };
        var crop = new Option<int?>("--crop") { Description = "Centre crop of N × N pixels, the network's input size. Default: the model's input size, or 224.", HelpName = "N" };
        var mean = Channels("--mean", "Per-channel mean subtracted after scaling pixels to [0, 1]. Default ImageNet's 0.485,0.456,0.406 (grey: 0.449).");
        var std = Channels("--std", "Per-channel standard deviation divided by. Default ImageNet's 0.229,0.224,0.225 (grey: 0.226).");
        var device = CliOptions.Device("ONNX Runtime's CUDA execution provider starts");
        var limit = new Option<int?>("--limit") { Description = "Only the first N images.", HelpName = "N" };
        foreach (var size in new[] { resize, crop, limit })
        {
            size.Validators.Add(r =>
            {
                if (r.GetValueOrDefault<int?>() is < 1 and var v)
                {
                    r.AddError(string.Create(CultureInfo.InvariantCulture, $"{size.Name} must be ≥ 1 (got {v})."));
                }
            });
        }

        var command = new Command("features", """
            Extract image features with an ONNX image network (ONNX Runtime): an image folder (one sub-folder per
            class) or IDX files in; a float32 .npy of features and a labels file out, for 'simzsl zsl --features'.
            The images are resized (shorter side), centre-cropped to the network's input, scaled to [0, 1] and
            normalised with the mean and standard deviation (ImageNet's by default).

            Examples:
              simzsl features --model samples/data/onnx/tiny_cnn.onnx --images samples/data/onnx/images --output folder-features.npy --labels-output folder-labels.csv
              simzsl features --model samples/data/onnx/tiny_cnn.onnx --images samples/data/onnx/images --output-node pooled --mean 0.5,0.5,0.5 --std 0.5,0.5,0.5 --device cpu --output pooled.npy
              simzsl features --model samples/data/onnx/tiny_cnn.onnx --idx samples/data/FashionMNIST/t10k-images-idx3-ubyte.gz --idx-labels samples/data/FashionMNIST/t10k-labels-idx1-ubyte.gz --idx-class-names samples/data/onnx/fashion-mnist-classes.txt --limit 1000 --output f.npy --labels-output labels.csv
            """)
        {
            model, images, idx, idxLabels, idxClassNames, output, labelsOutput, outputNode, batchSize, resize, crop, mean, std, device, limit,
        };

        command.SetAction(parse => CommandRunner.Run(context(parse), ct =>
        {
            var cli = context(parse);
            string modelPath = parse.GetValue(model)!, outputPath = parse.GetValue(output)!;
            string? folder = parse.GetValue(images), idxPath = parse.GetValue(idx), labelsPath = parse.GetValue(idxLabels), namesPath = parse.GetValue(idxClassNames), labelsOut = parse.GetValue(labelsOutput);
            CheckInputs(folder, idxPath, labelsPath, namesPath, labelsOut);
            CliOptions.CheckDistinctOutputs((outputPath, "--output"), (labelsOut, "--labels-output"));
            CliOptions.CheckOutputFolder(outputPath, "--output");
            CliOptions.CheckOutputFolder(labelsOut, "--labels-output");
            var inputs = new[] { (modelPath, "--model"), (idxPath, "--idx"), (labelsPath, "--idx-labels"), (namesPath, "--idx-class-names") }
                .Where(i => i.Item1 is not null).Select(i => (i.Item1!, i.Item2)).ToArray();
            CliOptions.CheckOutputIsNoInput(outputPath, "--output", inputs);
            CliOptions.CheckOutputIsNoInput(labelsOut, "--labels-output", inputs);

            ImageSource source = folder is not null ? new ImageFolder(folder) : new IdxImages(idxPath!, labelsPath, namesPath is null ? null : ClassNamesFile(namesPath));
            if (parse.GetValue(limit) is { } n)
            {
                source = source.Take(n);
            }

            using var extractor = new OnnxFeatureExtractor(modelPath, new OnnxFeatureExtractorOptions
            {
                OutputNode = parse.GetValue(outputNode),
                BatchSize = parse.GetValue(batchSize),
                Device = parse.GetValue(device),
            });
            var preprocessing = Preprocessing(extractor.DefaultPreprocessing, parse.GetValue(resize), parse.GetValue(crop), parse.GetValue(mean), parse.GetValue(std));
            FeatureExtractionResult result = null!;
            using (var outputs = new OutputFiles())
            {
                cli.WithProgress("features", progress =>
                {
                    outputs.Add(outputPath, "--output", s => result = extractor.Extract(source, s, preprocessing,
                        new Progress<FeatureExtractionProgress>(p => progress.Report(("images", (double)p.Done / p.Total, $"{p.Done}/{p.Total}"))), ct));
                    return result;
                });
                outputs.Add(labelsOut, "--labels-output", source.WriteLabels);
                outputs.Commit();
            }

            int classes = source.HasLabels ? Enumerable.Range(0, source.Count).Select(source.LabelOf).Distinct(StringComparer.Ordinal).Count() : 0;
            cli.Say(string.Create(CultureInfo.InvariantCulture,
                $"Extracted features of {result.Images} images{(classes > 0 ? $" ({classes} classes)" : string.Empty)} in {result.Elapsed.TotalSeconds:F2} s ({result.ImagesPerSecond:F0} images/s) on {result.Device}: {result.Images} × {result.Features} float32 from output '{result.OutputNode}'. Wrote {outputPath}{(labelsOut is null ? string.Empty : $" and {labelsOut}")}."));
            return ExitCodes.Success;
        }));
        return command;
    }

    private static void CheckInputs(string? folder, string? idx, string? idxLabels, string? names, string? labelsOutput)
    {
        if ((folder is null) == (idx is null))
        {
            throw new UsageException("give the images either as a folder (--images DIR) or as IDX files (--idx IMAGES), not " + (folder is null ? "neither." : "both."));
        }

        if (folder is not null && (idxLabels ?? names) is not null)
        {
            throw new UsageException($"{(idxLabels is not null ? "--idx-labels" : "--idx-class-names")} goes with --idx; an image folder's classes are its sub-folders.");
        }

        if (names is not null && idxLabels is null)
        {
            throw new UsageException("--idx-class-names names the values of --idx-labels; give the labels file too.");
        }

        if (labelsOutput is not null && idx is not null && idxLabels is null)
        {
            throw new UsageException("--labels-output needs labels: give --idx-labels with --idx.");
        }
    }

    // The tool's overrides on the model's defaults: a crop without a resize resizes the shorter side to the crop.
    private static ImagePreprocessing Preprocessing(ImagePreprocessing defaults, int? resize, int? crop, double[]? mean, double[]? std)
    {
        var p = defaults;
        if (crop is { } c)
        {
            p = p with { CropHeight = c, CropWidth = c, ResizeShorterSide = c };
        }

        if (resize is { } r)
        {
            p = p with { ResizeShorterSide = r };
        }

        // System.CommandLine gives an array option that was left out as an empty array.
        return p with { Mean = mean is { Length: > 0 } ? mean : p.Mean, Std = std is { Length: > 0 } ? std : p.Std };
    }

    private static string[] ClassNamesFile(string path)
    {
        InputFile.Require(path, "class names file");
        var names = TextLines.Read(path).Select(l => l.Trim()).ToList();
        while (names.Count > 0 && names[^1].Length == 0)
        {
            names.RemoveAt(names.Count - 1);
        }

        int blank = names.FindIndex(n => n.Length == 0);
        if (names.Count == 0 || blank >= 0)
        {
            throw new DataFormatException(path, names.Count == 0 ? "the file names no class; write one class name per line, line k + 1 for label k." : "an empty line: every label value up to the last needs a name.", line: blank >= 0 ? blank + 1 : null);
        }

        return names.ToArray();
    }

    private static Option<double[]?> Channels(string name, string description) => new(name)
    {
        Description = description,
        HelpName = "a,b,c",
        CustomParser = r =>
        {
            string text = r.Tokens.Count > 0 ? r.Tokens[0].Value : string.Empty;
            var parts = text.Split(',', StringSplitOptions.TrimEntries);
            var values = new double[parts.Length];
            for (int k = 0; k < parts.Length; k++)
            {
                if (!double.TryParse(parts[k], NumberStyles.Float, CultureInfo.InvariantCulture, out values[k]) || !double.IsFinite(values[k]))
                {
                    r.AddError($"{name} must be one number per channel, separated by commas (e.g. 0.5,0.5,0.5; got '{text}').");
                    return null;
                }
            }

            return values;
        },
    };
}

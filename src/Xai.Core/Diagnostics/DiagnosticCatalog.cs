using System.Reflection;
using static Xai.Diagnostics.CatalogSeverity;

namespace Xai.Diagnostics;

/// <summary>
/// Every diagnostic code the SDK reports, one line each, in code order: the constant code sites use,
/// how it is reported, a short title and what to do. Codes are stable (users search for them), so a
/// code is never reused for another problem. The README's diagnostics table is this list
/// (DiagnosticCatalogTests compares them); MSBuild targets, which cannot name a constant, use codes
/// from here. Ranges: 1xxx project and properties, 2xxx model import, 3xxx planning, code
/// generation, C simulation and outputs, 4xxx images and labels, 5xxx vendor tools and their
/// reports, 6xxx board files, 7xxx PowerShell module and board access.
/// To add a code: one line here (in code order), then the row the test prints into README.md.
/// </summary>
public static class DiagnosticCatalog
{
    // 1000–1099: project properties.
    [Diagnostic(Error, "MSBuild is not .NET", "Build with `dotnet build` (.NET 8 or later); the Xai tasks do not run on .NET Framework MSBuild.")] public const string DotnetRequired = "XAI1000";
    [Diagnostic(Error, "Unknown or missing board", "Set XaiBoard to one of the board ids the message lists (the SDK's boards/ folder).")] public const string UnknownBoard = "XAI1001";
    [Diagnostic(Error, "Unknown attribution method", "List methods in XaiMethods, ';'-separated: Saliency, DeconvNet, GuidedBackprop, InputXGradient, IntegratedGradients, SmoothGrad, GradCam, GuidedGradCam.")] public const string BadMethods = "XAI1002";
    [Diagnostic(Error, "Unknown number format scheme", "Set XaiNumerics to PerTensor or PaperFaithful (empty = PerTensor).")] public const string BadNumerics = "XAI1003";
    [Diagnostic(Error, "Bad convolution parallelism", "Set XaiConvParallelism to N_OHxN_OW, each a power of two from 1 to 32 (e.g. 4x4), or leave it empty for the board's default.")] public const string BadConvParallelism = "XAI1004";
    [Diagnostic(Error, "Bad FC tile", "Set XaiFcTile to 16 or 32, or leave it empty for the board's default.")] public const string BadFcTile = "XAI1005";
    [Diagnostic(Error, "Clock outside the board's PL clock range", "Set XaiClockMHz to a number of MHz in the board's range (plClockMHz in its boards/*.json file; the message gives it), or leave it empty for the board's default.")] public const string BadClock = "XAI1006";
    [Diagnostic(Error, "Bad target class", "Set XaiTargetClass to a class index (0, 1, ...), or leave it empty to explain the predicted class.")] public const string BadTargetClass = "XAI1007";
    [Diagnostic(Error, "Bad fidelity image count", "Set XaiFidelityImages to a whole number, 0 or more.")] public const string BadFidelityImages = "XAI1008";
    [Diagnostic(Error, "Design exceeds the board's DSPs", "Lower XaiConvParallelism or XaiFcTile, or choose a larger board.")] public const string ExceedsBoardDsps = "XAI1009";
    [Diagnostic(Error, "Target class beyond the network's classes", "Set XaiTargetClass below the network's class count, or leave it empty.")] public const string TargetClassOutOfRange = "XAI1010";
    [Diagnostic(Warning, "Fidelity images capped at the test set's size", "Set XaiFidelityImages to at most the number of test images the message gives; fidelity was measured on all of them.")] public const string FidelityImagesCapped = "XAI1011";
    [Diagnostic(Error, "Bad double-buffer setting", "Set XaiDoubleBuffer to true or false (empty = false).")] public const string BadDoubleBuffer = "XAI1012";
    [Diagnostic(Error, "Bad dense-weight packing setting", "Set XaiPackDenseWeights to true or false (empty = false).")] public const string BadPackDenseWeights = "XAI1013";
    [Diagnostic(Error, "Bad Integrated Gradients steps", "Set XaiIgSteps to a whole number from 1 to 256 (the passes the gradient accumulator sums without overflow); empty = 32.")] public const string BadIgSteps = "XAI1014";
    [Diagnostic(Error, "Bad SmoothGrad samples", "Set XaiSmoothGradSamples to a whole number from 1 to 256 (the passes the gradient accumulator sums without overflow); empty = 16.")] public const string BadSmoothGradSamples = "XAI1015";
    [Diagnostic(Error, "Bad SmoothGrad noise", "Set XaiSmoothGradSigma to the noise's standard deviation in the input's units, a number of 0 or more; empty = 0.15.")] public const string BadSmoothGradSigma = "XAI1016";
    [Diagnostic(Error, "Bad faithfulness steps", "Set XaiFaithfulnessSteps to a whole number from 0 (no deletion and insertion curves) to 100; empty = 10.")] public const string BadFaithfulnessSteps = "XAI1017";
    [Diagnostic(Error, "Bad Grad-CAM layer", "Set XaiGradCamLayer to the name of one of the network's convolution blocks (the message lists them); empty = the last.")] public const string BadGradCamLayer = "XAI1018";
    [Diagnostic(Error, "Bad Integrated Gradients baseline", "Set XaiIgBaseline to a PNG of the network's input size and channels, fully opaque, relative to the project (the message gives the size); empty = the zero baseline.")] public const string BadIgBaseline = "XAI1019";
    [Diagnostic(Warning, "Integrated Gradients baseline set but unused", "Add IntegratedGradients to XaiMethods, or remove XaiIgBaseline.")] public const string UnusedIgBaseline = "XAI1020";
    [Diagnostic(Error, "Bad pass-sums placement", "Set XaiPassSums to Auto, OnChip or OffChip (empty = Auto).")] public const string BadPassSums = "XAI1021";
    [Diagnostic(Warning, "Pass-sums placement set but unused", "Add InputXGradient, IntegratedGradients or SmoothGrad to XaiMethods, or remove XaiPassSums.")] public const string UnusedPassSums = "XAI1022";
    [Diagnostic(Error, "Resolved settings missing or unreadable", "Build the project normally (`dotnet build`): XaiResolveProject writes settings.json before every stage; delete obj/ if it persists.")] public const string SettingsUnreadable = "XAI1050";

    // 1100–1199: project files.
    [Diagnostic(Error, "No model set", "Set XaiModel to the trained network's ONNX file, relative to the project.")] public const string ModelNotSet = "XAI1101";
    [Diagnostic(Error, "Model file missing", "Fix the XaiModel path; the message gives the full path looked at.")] public const string ModelFileMissing = "XAI1102";
    [Diagnostic(Error, "Class names file missing", "Fix the XaiClassNamesFile path (a text file with one class name per line), or leave the property empty.")] public const string ClassNamesFileMissing = "XAI1103";
    [Diagnostic(Error, "Labels file lists an image twice with different labels", "Keep one row per image in XaiLabelsFile; the message names both lines.")] public const string LabelsConflict = "XAI1104";
    [Diagnostic(Warning, "Labels file lists an image twice with the same label", "Remove the repeated row from XaiLabelsFile; the message names both lines.")] public const string LabelsDuplicateRow = "XAI1105";
    [Diagnostic(Warning, "Labels file rows naming no project image", "Check the file names of the rows the message lists; those labels are not used.")] public const string LabelsUnknownRows = "XAI1106";
    [Diagnostic(Error, "Image label is not a class of the network", "Fix the label (XaiLabelsFile line or TrueClass metadata) to a class index below the network's class count.")] public const string ImageLabelOutOfRange = "XAI1107";
    [Diagnostic(Error, "Class names file does not hold one name per class", "Give exactly one non-blank line per class, in class-index order, in XaiClassNamesFile.")] public const string ClassNamesCountMismatch = "XAI1108";
    [Diagnostic(Error, "Design does not fit the board", "Use the configuration the message names (XaiConvParallelism, XaiFcTile) or a larger board; LUT and FF figures are modelled, DSP and BRAM counted from the design.")] public const string ExceedsBoardResources = "XAI1110";
    [Diagnostic(Error, "Bad exploration setting", "Set XaiExploreClocksMHz to clocks in MHz separated by ';', each in the board's PL clock range (plClockMHz in its boards/*.json file), and XaiExploreBuild to a whole number from 0 (none) up.")] public const string BadExploreSetting = "XAI1111";

    // 2000–2999: ONNX model import.
    [Diagnostic(Error, "Model file not found", "Check XaiModel; the file must exist.")] public const string OnnxFileNotFound = "XAI2001";
    [Diagnostic(Error, "Model file unreadable", "Check the file's permissions, and that it is a file, not a directory.")] public const string OnnxFileUnreadable = "XAI2002";
    [Diagnostic(Error, "Model file empty", "Export the model again; the file has 0 bytes.")] public const string OnnxEmptyFile = "XAI2003";
    [Diagnostic(Error, "Not an ONNX model", "Export the network with torch.onnx.export (or another ONNX exporter); the file is truncated, corrupt or another format.")] public const string NotOnnx = "XAI2004";
    [Diagnostic(Error, "ONNX model without a graph", "Export the model again; the file holds no graph.")] public const string NoGraph = "XAI2005";
    [Diagnostic(Error, "Not exactly one graph input", "Export a network with one image input (weights as initializers).")] public const string InputCount = "XAI2010";
    [Diagnostic(Error, "Graph input is not float32", "Export with a float32 input.")] public const string InputType = "XAI2011";
    [Diagnostic(Error, "Graph input shape not [1,C,H,W]", "Export with a fixed input shape [1,C,H,W] (no dynamic axes).")] public const string InputShape = "XAI2012";
    [Diagnostic(Error, "Batch size is not 1", "Export with batch size 1.")] public const string InputBatch = "XAI2013";
    [Diagnostic(Error, "Unsupported operator", "Use only the operators src/Xai.Core/Onnx/README.md lists; the message names the node.")] public const string UnsupportedOperator = "XAI2020";
    [Diagnostic(Error, "Unsupported operator attribute", "Change the layer to what the hardware implements (the message names the attribute and the allowed values).")] public const string UnsupportedAttribute = "XAI2021";
    [Diagnostic(Error, "Constant operand missing", "Export weights, biases and shapes as initializers or Constant nodes (e.g. export with do_constant_folding=True).")] public const string MissingInitializer = "XAI2022";
    [Diagnostic(Error, "Graph structure not supported", "The network must compute one result (the class scores) from one input; branches may only fork and join as residual skips.")] public const string NotSingleChain = "XAI2023";
    [Diagnostic(Error, "Shapes do not fit together", "Fix the model: the message names the node and both shapes.")] public const string ShapeMismatch = "XAI2024";
    [Diagnostic(Error, "BatchNormalization not after Conv", "Place BatchNormalization directly after a Conv, or fold it before exporting.")] public const string BatchNormalizationPlacement = "XAI2025";
    [Diagnostic(Error, "Node has too few inputs or outputs", "Export the model again; the node is malformed.")] public const string NodeArity = "XAI2026";
    [Diagnostic(Error, "Initializer of the wrong type", "Export weights as float32 (and shapes as int64).")] public const string InitializerType = "XAI2030";
    [Diagnostic(Error, "Initializer data does not match its dims", "Export the model again; an initializer is corrupt.")] public const string InitializerData = "XAI2031";
    [Diagnostic(Error, "Initializer in an external file", "Export the model with its weights inside the .onnx file (no external data).")] public const string InitializerExternal = "XAI2032";
    [Diagnostic(Error, "Initializer dims unusable", "Export the model again; an initializer's dims are negative or too large.")] public const string InitializerDims = "XAI2033";
    [Diagnostic(Error, "Network does not end in class scores", "End the network in a vector of class scores (a dense layer).")] public const string OutputNotScores = "XAI2040";

    // 3000–3999: planning, code generation, C simulation, outputs.
    [Diagnostic(Error, "Layer sequence with no hardware block", "Arrange layers as Conv [ReLU] [MaxPool], Dense [ReLU], or a MaxPool alone (on the pool unit); the message names the layers.")] public const string NoHardwareBlock = "XAI3001";
    [Diagnostic(Error, "Network does not end in a logits layer", "End the network in a dense layer without ReLU.")] public const string NoLogitsLayer = "XAI3002";
    [Diagnostic(Warning, "Dense weights packed narrower than the port", "Give the dense layers input lengths (and the layers before them channel counts) that are multiples of the beat the message names, or leave XaiPackDenseWeights false.")] public const string DenseWeightsPackedNarrower = "XAI3003";
    [Diagnostic(Error, "C++ compiler not found", "Install g++ (apt-get install g++) or set XaiCxx to a compiler's path.")] public const string CompilerNotFound = "XAI3100";
    [Diagnostic(Error, "C simulation does not compile", "Read the compiler message (file and line given); check XaiCxx is a C++17 compiler.")] public const string CSimDoesNotCompile = "XAI3101";
    [Diagnostic(Error, "C simulation failed", "Read the program's message; rebuild, and report it if it persists.")] public const string SimulationFailed = "XAI3102";
    [Diagnostic(Error, "C simulation output has the wrong size", "Rebuild (the message names the stage to rerun); report it if it persists.")] public const string SimulationOutputSize = "XAI3103";
    [Diagnostic(Error, "Calibration ranges missing or malformed", "Build the XaiCalibrate target (a plain build does) and rebuild.")] public const string CalibrationRangesUnusable = "XAI3201";
    [Diagnostic(Error, "Design plan missing or unreadable", "Build the XaiPlan target (a plain build does); delete obj/ if it persists.")] public const string PlanUnreadable = "XAI3202";
    [Diagnostic(Warning, "Fidelity dataset missing", "Install the Fashion-MNIST test set (apt-get install dataset-fashion-mnist) or set XaiFidelityDataset; or set XaiFidelityImages to 0.")] public const string FidelityDatasetMissing = "XAI3301";
    [Diagnostic(Error, "Fidelity dataset unreadable", "Point XaiFidelityDataset at the Fashion-MNIST IDX files (t10k-images-idx3-ubyte, t10k-labels-idx1-ubyte).")] public const string FidelityDatasetUnreadable = "XAI3302";
    [Diagnostic(Error, "Network input too small for the dataset", "Set XaiFidelityImages to 0: the 28x28 dataset images do not fit the network's input.")] public const string FidelityInputTooSmall = "XAI3303";
    [Diagnostic(Warning, "Fidelity images exceed the calibrated ranges", "Add calibration images that cover the data (XaiCalibrationImage items, e.g. a few hundred training images): the formats are sized for the largest values the calibration images give, and larger ones saturate.")] public const string CalibrationRangeExceeded = "XAI3304";
    [Diagnostic(Error, "Build cancelled", "Nothing to fix: the build was stopped (Ctrl-C or the IDE); the previous results are unchanged. Build again.")] public const string Cancelled = "XAI3400";
    [Diagnostic(Error, "Output directory cannot be written", "Make XaiOutputDir a writable folder (the message names the path and the error), or set XaiOutputDir elsewhere.")] public const string OutputNotWritable = "XAI3401";
    [Diagnostic(Error, "Output disk full", "Free space on the disk of XaiOutputDir; the previous results are unchanged.")] public const string OutputFull = "XAI3402";
    [Diagnostic(Warning, "A file not written by the SDK was moved aside", "Look in the folder the message names for your file; the SDK moved it aside, it did not delete it.")] public const string EntryDisplaced = "XAI3403";
    [Diagnostic(Error, "A stage could not read or write its file under obj/", "Read the I/O error in the message (permissions, disk space); delete obj/ and rebuild if it persists.")] public const string StageIoFailed = "XAI3405";
    [Diagnostic(Error, "Image listed twice or image names differing only in case", "Remove the repeated XaiImage item, or rename one of the two images the message names.")] public const string DuplicateImage = "XAI3406";
    [Diagnostic(Error, "report.json or plan.json missing", "Build the project first (`dotnet build`); the message names the path looked at.")] public const string DocumentMissing = "XAI3500";
    [Diagnostic(Error, "report.json unreadable", "Rebuild: the file is not JSON, or a key of xai-report/1 is missing or of the wrong type (the message names it).")] public const string ReportJsonUnreadable = "XAI3501";
    [Diagnostic(Error, "report.json of another schema", "Use the SDK version that wrote the report, or rebuild the project with this one.")] public const string ReportSchemaUnknown = "XAI3502";
    [Diagnostic(Error, "plan.json unreadable", "Rebuild: the file is not JSON or does not fit schemas/xai-plan-1.schema.json.")] public const string PlanJsonUnreadable = "XAI3503";
    [Diagnostic(Error, "A file an earlier stage wrote under obj/ does not fit", "Rebuild (it was written by another SDK version); delete obj/ if it persists.")] public const string StageFileUnreadable = "XAI3504";
    [Diagnostic(Error, ".npy file unreadable", "Use a little-endian float32 C-order .npy file as the SDK writes it.")] public const string NpyFileUnreadable = "XAI3901";

    // 4000–4999: images and labels.
    [Diagnostic(Error, "Image unreadable", "Check the file exists and is readable.")] public const string ImageUnreadable = "XAI4001";
    [Diagnostic(Error, "Not a PNG", "Convert the image to PNG.")] public const string NotPng = "XAI4002";
    [Diagnostic(Error, "PNG truncated or corrupt", "Save the image again; the message says where it breaks.")] public const string PngCorrupt = "XAI4003";
    [Diagnostic(Error, "PNG not 8-bit", "Convert the image to 8 bits per channel.")] public const string PngNot8Bit = "XAI4004";
    [Diagnostic(Error, "PNG interlaced", "Save the image without interlacing.")] public const string PngInterlaced = "XAI4005";
    [Diagnostic(Error, "Image has the wrong size", "Resize the image to the network's input size (the message gives both).")] public const string ImageWrongSize = "XAI4010";
    [Diagnostic(Error, "Image has the wrong channel count", "Convert the image to the network's channel count (grey or RGB).")] public const string ImageWrongChannels = "XAI4011";
    [Diagnostic(Error, "No images", "Add XaiImage items, e.g. `<XaiImage Include=\"images/*.png\" />`.")] public const string NoImages = "XAI4012";
    [Diagnostic(Error, "Bad image label metadata", "Set the image's TrueClass (or Label) metadata to a class index.")] public const string BadImageLabel = "XAI4013";
    [Diagnostic(Error, "Labels file unusable", "Fix XaiLabelsFile: a CSV with header file,label and one class index per image.")] public const string BadLabelsFile = "XAI4014";
    [Diagnostic(Error, "Image is not a regular file", "Give a regular PNG file, not a FIFO, device or socket.")] public const string ImageNotRegularFile = "XAI4015";
    [Diagnostic(Error, "Image file too large", "Give PNG files up to 256 MiB; the message gives the size.")] public const string ImageFileTooLarge = "XAI4016";
    [Diagnostic(Error, "Image not fully opaque", "Remove transparency from the image (every pixel fully opaque); the message names the PNG colour type.")] public const string ImageNotOpaque = "XAI4017";

    // 5100–5199: reading vendor reports.
    [Diagnostic(Error, "Report file not found", "Pass an existing report file or build directory.")] public const string ReportFileNotFound = "XAI5100";
    [Diagnostic(Error, "Report file empty", "Rerun the vendor stage; the report holds no text.")] public const string ReportEmptyFile = "XAI5101";
    [Diagnostic(Error, "Report file is binary", "Pass the tool's text or XML report, not a binary file.")] public const string ReportBinaryFile = "XAI5102";
    [Diagnostic(Error, "Report file unreadable", "Check the file's permissions.")] public const string ReportUnreadableFile = "XAI5103";
    [Diagnostic(Error, "csynth.xml malformed", "Rerun synthesis; the XML is not well-formed (often truncated).")] public const string CsynthXmlMalformed = "XAI5110";
    [Diagnostic(Error, "csynth.xml lacks an element", "Rerun synthesis, or report the tool release if the file is complete.")] public const string CsynthMissingElement = "XAI5111";
    [Diagnostic(Error, "csynth.xml value unreadable", "Report the tool release and the value the message names.")] public const string CsynthBadValue = "XAI5112";
    [Diagnostic(Warning, "csynth.xml module value unreadable", "Nothing to do unless that figure matters: it is left unknown. Report the tool release and the value the message names.")] public const string CsynthModuleValueUnread = "XAI5113";
    [Diagnostic(Error, "Text csynth report incomplete", "Rerun synthesis, or report the tool release if the file is complete.")] public const string CsynthTextMissing = "XAI5120";
    [Diagnostic(Error, "Text csynth report value unreadable", "Report the tool release and the cell the message names.")] public const string CsynthTextBadValue = "XAI5121";
    [Diagnostic(Error, "Co-simulation table missing", "Rerun co-simulation; the report has no complete RTL/Status table.")] public const string CosimTableMissing = "XAI5130";
    [Diagnostic(Error, "Co-simulation row unreadable", "Report the tool release and the row the message names.")] public const string CosimBadRow = "XAI5131";
    [Diagnostic(Error, "Utilization report incomplete", "Rerun the Vivado stage, or report the tool release if the file is complete.")] public const string UtilizationMissing = "XAI5140";
    [Diagnostic(Error, "Utilization value unreadable", "Report the tool release and the cell the message names.")] public const string UtilizationBadValue = "XAI5141";
    [Diagnostic(Error, "Timing summary incomplete", "Rerun the Vivado stage; the Design Timing Summary table is missing.")] public const string TimingSummaryMissing = "XAI5150";
    [Diagnostic(Error, "Timing summary value unreadable", "Report the tool release and the value the message names.")] public const string TimingSummaryBadValue = "XAI5151";
    [Diagnostic(Error, "Export report incomplete", "Rerun the IP export, or report the tool release if the file is complete.")] public const string ExportMissing = "XAI5160";
    [Diagnostic(Error, "Export report value unreadable", "Report the tool release and the field the message names.")] public const string ExportBadValue = "XAI5161";
    [Diagnostic(Error, "Export XML malformed", "Rerun the IP export; the XML is not well-formed.")] public const string ExportXmlMalformed = "XAI5162";
    [Diagnostic(Error, "Log holds no tool messages", "Pass the tool's log (vitis_hls.log, vivado.log).")] public const string LogHasNoMessages = "XAI5170";
    [Diagnostic(Error, "Not a known report kind", "Pass a csynth.xml/.rpt, cosim, utilization, timing, export report or tool log.")] public const string UnknownReportKind = "XAI5180";
    [Diagnostic(Error, "No reports found", "Pass the HLS project or solution directory that holds the reports.")] public const string NoReportsFound = "XAI5181";
    [Diagnostic(Error, "Reports of several designs", "Pass one of the solution or design directories the message lists.")] public const string AmbiguousReports = "XAI5182";
    [Diagnostic(Error, "Internal error reading reports", "Report it with the file: this is a bug.")] public const string ReportInternalError = "XAI5199";

    // 5200–5219: limits on what is read at all.
    [Diagnostic(Error, "Report path is not a regular file", "Pass a regular report file, not a FIFO, device or socket.")] public const string ReportNotRegularFile = "XAI5200";
    [Diagnostic(Error, "Report file too large", "Pass the report itself; files above 64 MiB are not read as reports.")] public const string ReportFileTooLarge = "XAI5201";
    [Diagnostic(Error, "XML report declares a DTD", "Pass the XML report the tool wrote; DOCTYPE declarations are refused (entities could expand or reach outside files).")] public const string XmlDocumentTypeRefused = "XAI5202";

    // 5500–5599: tool discovery, flow choice, generated scripts, tool runs.
    [Diagnostic(Error, "Tool property points at no tool", "Point the property (XaiVitisHlsPath, XaiVppPath, XaiVitisRunPath, XaiVivadoPath) at the executable or its install directory.")] public const string BadToolProperty = "XAI5501";
    [Diagnostic(ErrorOrWarning, "Vendor tool not found", "Set the tool's property or XILINX_HLS / XILINX_VITIS / XILINX_VIVADO, or put the tool on PATH; a plain build skips the stage with this warning.")] public const string ToolNotFound = "XAI5502";
    [Diagnostic(Error, "Bad HLS flow", "Set XaiHlsFlow to Auto, Classic or Unified.")] public const string BadFlowSetting = "XAI5503";
    [Diagnostic(Error, "HLS flow unavailable", "Choose a flow the installed tools provide (the message says which), or XaiHlsFlow=Auto.")] public const string FlowUnavailable = "XAI5504";
    [Diagnostic(Warning, "Tool version unknown", "Check the tool runs (`vitis_hls -version`); the flow was chosen from the tools present.")] public const string VersionUnknown = "XAI5505";
    [Diagnostic(Error, "Bad HLS project field", "Report it: the SDK generated an invalid HLS project.")] public const string BadHlsSpec = "XAI5510";
    [Diagnostic(Error, "Value not passable to Vitis HLS", "Remove white space or quotes from the path or value the message names.")] public const string HlsValueNotRepresentable = "XAI5511";
    [Diagnostic(Error, "Value not writable to hls_config.cfg", "Remove the character the message names from the path or value, or use XaiHlsFlow=Classic.")] public const string ConfigValueNotRepresentable = "XAI5520";
    [Diagnostic(Error, "Bad Vivado design field", "Check the board file's part, board part and PS fields.")] public const string BadVivadoSpec = "XAI5530";
    [Diagnostic(Error, "Unknown PS port", "Use a processing-system port the message lists in the board file.")] public const string UnknownPsPort = "XAI5531";
    [Diagnostic(Error, "Bad JTAG programming field", "Check the board file's jtag fields.")] public const string BadProgramSpec = "XAI5540";
    [Diagnostic(Error, "Tool exited with an error code", "Read the tool's log (named in the message).")] public const string RunExitCode = "XAI5580";
    [Diagnostic(Error, "Tool log holds ERROR lines", "Read the ERROR lines reported before this one.")] public const string RunLogErrors = "XAI5581";
    [Diagnostic(Error, "Tool output missing", "Read the tool's log: the run ended without its expected output.")] public const string RunOutputMissing = "XAI5582";
    [Diagnostic(Error, "Tool log missing", "Check disk space and permissions in obj/; the tool wrote no log.")] public const string RunLogMissing = "XAI5583";
    [Diagnostic(Error, "Vendor ERROR in a log", "Read the vendor message; its id says which tool step failed.")] public const string VendorError = "XAI5590";
    [Diagnostic(Warning, "Vendor CRITICAL WARNING in a log", "Read the vendor message; critical warnings often mean a wrong result.")] public const string VendorCriticalWarning = "XAI5591";
    [Diagnostic(Warning, "Vendor WARNING in a log", "Read the vendor message.")] public const string VendorWarning = "XAI5592";

    // 5600–5799: the vendor stages of the build.
    [Diagnostic(Error, "Bad hardware method", "Set XaiHardwareMethod to one of XaiMethods, or leave it empty for the first.")] public const string BadHardwareMethod = "XAI5600";
    [Diagnostic(Error, "Bad vendor stage list", "List Synthesize, CoSimulate or Bitstream in XaiVendorStages, ';'-separated (empty: none).")] public const string BadVendorStages = "XAI5601";
    [Diagnostic(Error, "Bad boolean property", "Set the property the message names to true or false.")] public const string BadBoolean = "XAI5602";
    [Diagnostic(Warning, "Stage skipped: the stage it needs did not run", "Make the earlier stage run (see its warning).")] public const string UpstreamSkipped = "XAI5610";
    [Diagnostic(Error, "Earlier stage's output missing", "Build the stage the message names first (a plain build does).")] public const string UpstreamMissing = "XAI5611";
    [Diagnostic(Error, "Co-simulation without testbench data", "Add an XaiImage item: the testbench uses the first simulated image.")] public const string NoTestbenchData = "XAI5620";
    [Diagnostic(Error, "Driver header missing from the IP", "Rerun Synthesize; the exported IP holds no `x<top>_hw.h`.")] public const string DriverHeaderMissing = "XAI5630";
    [Diagnostic(Warning, "Hardware reports unreadable", "Read the report error quoted in the message; the stage's figures are missing from report.json.")] public const string HardwareReportUnreadable = "XAI5640";
    [Diagnostic(Warning, "Report of another design", "Clean the vendor directory (obj/.../xai/vendor); the report names another top or part.")] public const string ReportForAnotherDesign = "XAI5641";
    [Diagnostic(Error, "Tool could not be started", "Check the tool's path and permissions.")] public const string ToolStartFailed = "XAI5650";
    [Diagnostic(Error, "Tool stopped by cancellation", "Nothing to fix: the build was cancelled; build again.")] public const string ToolCancelled = "XAI5651";
    [Diagnostic(Error, "ERROR line without an id", "Read the tool's message.")] public const string VendorErrorWithoutId = "XAI5690";
    [Diagnostic(Warning, "CRITICAL WARNING line without an id", "Read the tool's message.")] public const string VendorCriticalWarningWithoutId = "XAI5691";
    [Diagnostic(Warning, "WARNING line without an id", "Read the tool's message.")] public const string VendorWarningWithoutId = "XAI5692";
    [Diagnostic(Error, "Slurm commands not found", "Put Slurm's bin directory (sbatch, squeue, scontrol, scancel) on PATH, or set XaiSlurmBinDirectory; or build with XaiExecutor=Local.")] public const string SlurmNotFound = "XAI5700";
    [Diagnostic(Error, "Bad executor or Slurm property", "Give the property the message names one of the values it lists.")] public const string BadSlurmProperty = "XAI5701";
    [Diagnostic(Error, "Slurm refused the job", "Read Slurm's own message, quoted with the property it concerns; fix that property (a partition or account you may use, a time within the partition's limit).")] public const string SlurmRefused = "XAI5702";
    [Diagnostic(Error, "Slurm not answering", "Check the cluster (scontrol ping, sinfo); build again when slurmctld answers. A job the message names may still run: scancel it if so.")] public const string SlurmUnavailable = "XAI5703";
    [Diagnostic(Warning, "Slurm settings given but Slurm not found", "Put Slurm's bin directory on PATH or set XaiSlurmBinDirectory to use the cluster; set XaiExecutor=Local to run here without this warning, or XaiExecutor=Slurm to make a missing Slurm an error.")] public const string SlurmNotFoundRunningLocally = "XAI5704";
    [Diagnostic(Error, "Slurm job failed", "Read the tool's errors reported before this one, and the job's output file the message names.")] public const string SlurmJobFailed = "XAI5710";
    [Diagnostic(Error, "Slurm job hit its time limit", "Raise XaiSlurmTime (or leave it empty for the partition's limit); synthesis and bitstream runs take hours.")] public const string SlurmJobTimeout = "XAI5711";
    [Diagnostic(Error, "Slurm job ran out of memory", "Raise XaiSlurmMemory; Vivado needs tens of GB for the larger parts.")] public const string SlurmJobOutOfMemory = "XAI5712";
    [Diagnostic(Error, "Slurm job cancelled outside the build", "Someone (scancel, an administrator, a preemption) cancelled the job; build again.")] public const string SlurmJobCancelled = "XAI5713";
    [Diagnostic(Error, "Slurm node failed under the job", "Build again: the job runs on another node (ask the cluster's administrators if a node keeps failing).")] public const string SlurmNodeFailed = "XAI5714";
    [Diagnostic(Error, "Slurm job ended otherwise", "Read the job state and reason the message quotes (scontrol show job).")] public const string SlurmJobEnded = "XAI5715";
    [Diagnostic(Error, "Slurm job not run: the job it follows failed", "Fix the earlier stage's job (its own error is reported before this one) and build again; chained jobs (--dependency=afterok) run only after it completes.")] public const string SlurmDependencyFailed = "XAI5716";

    // 6000–6999: board files.
    [Diagnostic(Error, "Boards directory missing or empty", "Reinstall the Xai.Sdk package; its boards/ folder is incomplete.")] public const string BoardsDirectoryUnusable = "XAI6001";
    [Diagnostic(Error, "Board file invalid", "Fix the board file field the message names.")] public const string BadBoardFile = "XAI6002";
    [Diagnostic(Error, "Board defined twice", "Remove one of the two board files with that id.")] public const string DuplicateBoard = "XAI6003";

    // 7000–7099 and 7500–7599: the PowerShell cmdlets (ErrorRecord ids).
    [Diagnostic(Error, "Unknown board name", "Pass one of the board names the message lists (Get-XaiBoard lists them).")] public const string CmdletUnknownBoard = "XAI7001";
    [Diagnostic(Error, "Path not found", "Pass an existing -Path (wildcards must match something).")] public const string PathNotFound = "XAI7002";
    [Diagnostic(Error, "Not a project or build", "Pass a .xaiproj, its folder, or a build output folder holding report.json.")] public const string NotABuild = "XAI7003";
    [Diagnostic(Error, "Build report unreadable", "Rebuild the project: its report.json is not JSON or not schema xai-report/1.")] public const string BadBuildReport = "XAI7004";
    [Diagnostic(Error, "No vendor reports in the build", "Run the Synthesize stage (`dotnet build -t:Synthesize`) first.")] public const string NoVendorReports = "XAI7005";
    [Diagnostic(Error, "Several built configurations", "Name the configuration whose build folder to read.")] public const string AmbiguousBuild = "XAI7006";
    [Diagnostic(Error, "Board session closed", "Connect again with Connect-XaiBoard; the session was disconnected.")] public const string SessionClosed = "XAI7007";
    [Diagnostic(Error, "Image not found", "Pass existing image files to -Image.")] public const string ImageNotFound = "XAI7008";

    // 7100–7199: board access, reaching the board and making sure it is the right one.
    [Diagnostic(Error, "Host key unknown", "Check the fingerprint shown and pass it as TrustHostKeyFingerprint; a given fingerprint that differs is refused.")] public const string HostKeyUnknown = "XAI7100";
    [Diagnostic(Error, "Host key changed", "Find out why the board's host key differs from the known one; it is never overridden. Remove the old key from known_hosts if the board was reinstalled.")] public const string HostKeyMismatch = "XAI7101";
    [Diagnostic(Error, "Board rejected the user or key", "Check the user name and that the key is in the board's authorized_keys.")] public const string KeyRejected = "XAI7102";
    [Diagnostic(Error, "Board unreachable", "Check the host, port and network; no answer came within the connect timeout.")] public const string Unreachable = "XAI7103";
    [Diagnostic(Error, "Key file missing or unusable", "Give an existing, unencrypted private key file.")] public const string KeyFileUnusable = "XAI7104";
    [Diagnostic(Error, "CPU architecture is not the board family's", "Connect to the board the build is for; the message names both architectures.")] public const string ArchitectureMismatch = "XAI7105";
    [Diagnostic(Error, "Device tree does not name the board", "Connect to the board the build is for; the message quotes the device-tree model.")] public const string DeviceTreeMismatch = "XAI7106";
    [Diagnostic(Error, "SSH failure", "Read the SSH error in the message and check the board's SSH server.")] public const string SshFailure = "XAI7107";
    [Diagnostic(Error, "Invalid host, port, iterations or warmup", "Give a host name, a port from 1 to 65535 and positive counts.")] public const string EndpointInvalid = "XAI7108";
    [Diagnostic(Error, "Board probe failed", "Read the board's output in the message; check the board runs a PYNQ image.")] public const string BoardProbeFailed = "XAI7109";

    // 7200–7299: the build's artifacts.
    [Diagnostic(Error, "No build output at the path", "Pass the build output folder (bin/<Configuration>) of a built project.")] public const string BuildOutputMissing = "XAI7200";
    [Diagnostic(Error, "The build has no bitstream", "Run the Bitstream stage (`dotnet build -t:Bitstream`).")] public const string BitstreamMissing = "XAI7201";
    [Diagnostic(Error, "No .hwh beside the .bit", "Rerun the Bitstream stage; it writes both.")] public const string HwhMissing = "XAI7202";
    [Diagnostic(Error, "No board-side runner in the output", "Build the project (the CSim stage writes board/xai_runner.py).")] public const string RunnerMissing = "XAI7203";
    [Diagnostic(Error, "Not a Xilinx .bit file", "Rerun the Bitstream stage; the file's header is not a bitstream's.")] public const string BitstreamHeaderInvalid = "XAI7204";
    [Diagnostic(Error, ".hwh unreadable", "Rerun the Bitstream stage; the .hwh is not XML or lacks the SYSTEMINFO part.")] public const string HwhInvalid = "XAI7205";
    [Diagnostic(Error, "Bitstream built for another part", "Build for this board (XaiBoard) or connect to the board the build is for; nothing was copied.")] public const string PartMismatch = "XAI7206";
    [Diagnostic(Error, ".hwh for another part", "Rerun the Bitstream stage for this board; nothing was copied.")] public const string HwhPartMismatch = "XAI7207";

    // 7300–7399: installing an overlay.
    [Diagnostic(Error, "Copy to the board failed", "Read the error; check the board's disk space and permissions. The previous overlay is kept.")] public const string CopyFailed = "XAI7300";
    [Diagnostic(Error, "Checksum on the board differs", "Install again; the copy was damaged. The previous overlay is kept.")] public const string ChecksumMismatch = "XAI7301";
    [Diagnostic(Error, "Overlay did not load", "Read the message: fpga_manager is not operating after loading, or JTAG programming failed.")] public const string LoadFailed = "XAI7302";
    [Diagnostic(Error, "No overlay installed", "Install the build on the board first.")] public const string NoOverlayInstalled = "XAI7303";
    [Diagnostic(Error, "JTAG programming impossible", "Build the Bitstream stage (it writes the JTAG script) and put vivado on PATH.")] public const string JtagUnavailable = "XAI7304";

    // 7400–7499: running the board-side runner.
    [Diagnostic(Error, "Board runner failed", "Read the runner's error or stderr shown in the message.")] public const string RunnerFailed = "XAI7400";
    [Diagnostic(Error, "Board runner printed no result", "Read the runner's output shown; it printed no xai-runner/1 document.")] public const string RunnerOutputInvalid = "XAI7401";
    [Diagnostic(Error, "Backend not available", "Choose a backend the session offers (fpga needs a real board with the overlay loaded).")] public const string BackendUnavailable = "XAI7402";
    [Diagnostic(Error, "No images given", "Pass at least one image to Attribute.")] public const string ImagesMissing = "XAI7403";
    [Diagnostic(Error, "Method not on the overlay", "Benchmark that method on the csim backend, or build the project with it first in XaiMethods and install that bitstream; the overlay computes only its first method on the PL.")] public const string MethodNotOnOverlay = "XAI7404";
    [Diagnostic(Error, "Driver header lacks a register", "Rerun Synthesize; the exported x<top>_hw.h lacks a register the runner needs (the message names it).")] public const string DriverRegisterMissing = "XAI7410";

    [Diagnostic(Error, "Command stopped", "Nothing to fix: the command was stopped (Ctrl-C).")] public const string CmdletStopped = "XAI7501";
    [Diagnostic(Error, "Unexpected error in a cmdlet", "Report it with the message: an exception the core did not turn into a coded error (a bug).")] public const string CmdletUnexpected = "XAI7599";

    private static readonly Lazy<IReadOnlyList<DiagnosticEntry>> AllEntries = new(Collect);

    /// <summary>Every code, in code order.</summary>
    public static IReadOnlyList<DiagnosticEntry> Entries => AllEntries.Value;

    /// <summary>The entry of <paramref name="code"/>, or null when the catalog lacks it.</summary>
    public static DiagnosticEntry? Find(string code) => Entries.FirstOrDefault(e => e.Code == code);

    private static IReadOnlyList<DiagnosticEntry> Collect() =>
        typeof(DiagnosticCatalog).GetFields(BindingFlags.Public | BindingFlags.Static)
            .Where(f => f.IsLiteral && f.FieldType == typeof(string))
            .Select(f => (Field: f, Info: f.GetCustomAttribute<DiagnosticAttribute>()
                ?? throw new InvalidOperationException($"DiagnosticCatalog.{f.Name} has no [Diagnostic] attribute.")))
            .Select(x => new DiagnosticEntry(x.Field.Name, (string)x.Field.GetRawConstantValue()!, x.Info.Severity, x.Info.Title, x.Info.Help))
            .OrderBy(e => e.Code, StringComparer.Ordinal)
            .ToList();
}

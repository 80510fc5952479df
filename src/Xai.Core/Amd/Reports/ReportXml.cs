using System.Xml;
using System.Xml.Linq;
using Xai.Diagnostics;

namespace Xai.Amd.Reports;

/// <summary>
/// Parses an XML report (csynth.xml, the export .xml) with DTDs refused and no resolver: a
/// <c>&lt;!DOCTYPE</c> could expand entities without bound or pull in outside files, and the vendor
/// tools never write one. Refusal and malformed XML get different messages, so that a refused file
/// is not described as possibly truncated.
/// </summary>
internal static class ReportXml
{
    /// <param name="kind">The report's name in messages.</param>
    /// <param name="malformedCode">The report kind's code for XML that is not well formed.</param>
    public static XElement LoadRoot(ReportText report, string kind, string malformedCode)
    {
        try
        {
            var settings = new XmlReaderSettings { DtdProcessing = DtdProcessing.Prohibit, XmlResolver = null };
            using var reader = XmlReader.Create(new StringReader(report.Text), settings);
            var document = XDocument.Load(reader, LoadOptions.SetLineInfo);
            return document.Root ?? throw report.Error(malformedCode, $"{kind} has no root element.");
        }
        catch (XmlException e)
        {
            // The reader stops at a DOCTYPE ("DTD is prohibited") with no code to test and no line (0):
            // a DOCTYPE in the file, at or before any failing line, is what stopped it.
            var doctype = report.FindLine(l => l.Contains("<!DOCTYPE", StringComparison.OrdinalIgnoreCase));
            var refused = doctype >= 0 && (e.LineNumber == 0 || doctype + 1 <= e.LineNumber);
            var message = refused
                ? $"{kind} declares a document type (<!DOCTYPE ...>); DTDs are refused in reports because entities could expand without bound or read other files, and Vitis HLS never writes one. Regenerate the report or remove the DOCTYPE."
                : $"{kind} is not well-formed XML ({e.Message}); the file may be truncated. Re-run the tool to regenerate it.";
            throw new XaiException(
                XaiDiagnostic.Error(refused ? DiagnosticCatalog.XmlDocumentTypeRefused : malformedCode, message, report.Source, refused ? doctype + 1 : e.LineNumber, refused ? 0 : e.LinePosition),
                e);
        }
    }
}

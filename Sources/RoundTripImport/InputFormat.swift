/// The input forms RoundTrip can import a design from.
///
/// Each form is read by its own importer in its own folder (`Sources/RoundTripImport/<Form>/`) behind
/// ``DesignImporter``; every form but RoundTrip's own produces ARM-shaped ``AzureResource``s for ``AzureDesignBuilder``.
public enum InputFormat: String, Sendable, Hashable, CaseIterable, CustomStringConvertible {
    /// A RoundTrip design (`apiVersion: roundtrip/v1`), written in YAML or JSON.
    case roundtrip
    /// Azure resource JSON: REST responses, `az … -o json` output, Resource Graph results (``AzureJSONReader``).
    case azureJSON = "azure-json"
    /// An ARM deployment template: the portal's "Export template", or a template compiled from Bicep
    /// (``ARMTemplateReader``), evaluated offline with its parameters.
    case armTemplate = "arm-template"
    /// Terraform JSON: `terraform show -json` of a plan or a state, azurerm 3.x and 4.x (``TerraformPlanReader``).
    case terraform

    /// The file name extensions (lowercased, without the dot) this format's files usually have.
    public var fileExtensions: [String] {
        switch self {
        case .roundtrip: return ["yaml", "yml", "json"]
        case .azureJSON, .terraform, .armTemplate: return ["json"]
        }
    }

    /// The format's name in messages.
    public var description: String {
        switch self {
        case .roundtrip: return "RoundTrip design (\(DesignReader.apiVersion))"
        case .azureJSON: return "Azure resource JSON"
        case .terraform: return "Terraform plan or state JSON"
        case .armTemplate: return "ARM deployment template"
        }
    }
}

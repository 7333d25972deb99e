/// The input forms RoundTrip can import a design from.
///
/// RoundTrip's own format and Azure resource JSON; ARM templates and Terraform plans are planned, each read by its
/// own importer in its own folder (`Sources/RoundTripImport/<Form>/`) behind ``DesignImporter``.
public enum InputFormat: String, Sendable, Hashable, CaseIterable, CustomStringConvertible {
    /// A RoundTrip design (`apiVersion: roundtrip/v1`), written in YAML or JSON.
    case roundtrip
    /// Azure resource JSON: REST responses, `az … -o json` output, Resource Graph results (``AzureJSONReader``).
    case azureJSON = "azure-json"

    /// The file name extensions (lowercased, without the dot) this format's files usually have.
    public var fileExtensions: [String] {
        switch self {
        case .roundtrip: return ["yaml", "yml", "json"]
        case .azureJSON: return ["json"]
        }
    }

    /// The format's name in messages.
    public var description: String {
        switch self {
        case .roundtrip: return "RoundTrip design (\(DesignReader.apiVersion))"
        case .azureJSON: return "Azure resource JSON"
        }
    }
}

/// The input forms RoundTrip can import a design from.
///
/// Today only RoundTrip's own format; Azure resource JSON, ARM templates and Terraform plans are planned, each read
/// by its own importer in its own folder (`Sources/RoundTripImport/<Form>/`) behind ``DesignImporter``.
public enum InputFormat: String, Sendable, Hashable, CaseIterable, CustomStringConvertible {
    /// A RoundTrip design (`apiVersion: roundtrip/v1`), written in YAML or JSON.
    case roundtrip

    /// The file name extensions (lowercased, without the dot) this format's files usually have.
    public var fileExtensions: [String] {
        switch self {
        case .roundtrip: return ["yaml", "yml", "json"]
        }
    }

    /// The format's name in messages.
    public var description: String {
        switch self {
        case .roundtrip: return "RoundTrip design (\(DesignReader.apiVersion))"
        }
    }
}

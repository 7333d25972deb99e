/// What an import read from inputs that are not RoundTrip designs (Azure resource JSON, ARM templates, Terraform plans),
/// and everything it did not: nothing is dropped silently.
public struct ImportSummary: Sendable, Hashable {
    /// One thing an import passed over or could not know, with where it stands in the input.
    public struct Note: Sendable, Hashable {
        /// The resource it belongs to (an ARM resource id, or a Terraform address such as `azurerm_subnet.app[0]`).
        public var resource: String
        /// What was skipped: a resource type (`Microsoft.Network/dnsZones`) or a property (`properties.ipConfigurations`).
        public var what: String
        /// Why, in words (`resource type not modelled`, `unknown until apply`, `reference() to a resource outside
        /// the template`), with the expression when a value cannot be known offline.
        public var reason: String
        /// Where it stands in the input (file, line, column, resource id, JSON pointer).
        public var location: SourceLocation

        /// Creates a note.
        public init(resource: String, what: String, reason: String, location: SourceLocation) {
            self.resource = resource
            self.what = what
            self.reason = reason
            self.location = location
        }
    }

    /// Each input file and the form it was read as (`azure-json`, `arm-template`, `terraform-plan`, …), in order.
    public var inputs: [(file: String, form: String)] = []
    /// How many resources of each type were read into the design, by type.
    public var read: [String: Int] = [:]
    /// Resource types and properties passed over.
    public var skipped: [Note] = []
    /// Values that cannot be known offline (an ARM `reference()` to a deployed resource, a Terraform value known only
    /// after apply); the elements that needed them are reported, never guessed.
    public var unknown: [Note] = []

    /// Creates an empty summary.
    public init() {}

    /// Whether two summaries record the same inputs, counts and notes.
    public static func == (lhs: ImportSummary, rhs: ImportSummary) -> Bool {
        lhs.inputs.map(\.file) == rhs.inputs.map(\.file) && lhs.inputs.map(\.form) == rhs.inputs.map(\.form) && lhs.read == rhs.read
            && lhs.skipped == rhs.skipped && lhs.unknown == rhs.unknown
    }

    /// Hashes what ``==`` compares.
    public func hash(into hasher: inout Hasher) {
        hasher.combine(inputs.map(\.file))
        hasher.combine(read)
        hasher.combine(skipped)
        hasher.combine(unknown)
    }
}

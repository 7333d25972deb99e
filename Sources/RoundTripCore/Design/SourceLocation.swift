/// Where something stands in an input file: path, 1-based line and column, and for imported elements (Azure
/// resource JSON, ARM templates, Terraform plans) the resource they came from and a JSON pointer into the input.
public struct SourceLocation: Hashable, Sendable, Comparable, CustomStringConvertible {
    /// The file path as the user gave it.
    public var file: String
    /// 1-based line (0 when unknown, e.g. for synthesized or imported elements without positions).
    public var line: Int
    /// 1-based column (0 when unknown).
    public var column: Int
    /// The Azure resource id the element was imported from (nil for hand-written designs).
    public var resourceID: String?
    /// An RFC 6901 JSON pointer to the element inside the input document (nil when not known).
    public var jsonPointer: String?

    /// Creates a location; `resourceID` and `jsonPointer` name where an imported element came from.
    public init(file: String, line: Int, column: Int, resourceID: String? = nil, jsonPointer: String? = nil) {
        self.file = file
        self.line = line
        self.column = column
        self.resourceID = resourceID
        self.jsonPointer = jsonPointer
    }

    /// `file:line:column`, the form editors and CI annotations understand. Without a line (0) but with a resource
    /// id, `file: resource-id` (and ` at json-pointer` when known).
    public var description: String {
        if line == 0, let resourceID {
            return "\(file): \(resourceID)" + (jsonPointer.map { " at \($0)" } ?? "")
        }
        return "\(file):\(line):\(column)"
    }

    /// A location for elements created by RoundTrip itself (implicit AKS load balancers).
    public static func synthesized(_ file: String) -> SourceLocation {
        SourceLocation(file: file, line: 0, column: 0)
    }

    /// Orders by file, line and column; resource id and JSON pointer (nil first) only break ties.
    public static func < (lhs: SourceLocation, rhs: SourceLocation) -> Bool {
        if (lhs.file, lhs.line, lhs.column) != (rhs.file, rhs.line, rhs.column) {
            return (lhs.file, lhs.line, lhs.column) < (rhs.file, rhs.line, rhs.column)
        }
        func key(_ l: SourceLocation) -> (Int, String, Int, String) {
            (l.resourceID == nil ? 0 : 1, l.resourceID ?? "", l.jsonPointer == nil ? 0 : 1, l.jsonPointer ?? "")
        }
        return key(lhs) < key(rhs)
    }
}

/// The source positions of one element: the element itself and each of its fields' values.
public struct SourceMap: Hashable, Sendable {
    /// Where the element starts.
    public var element: SourceLocation
    /// Where each field's value starts, by field name.
    public var fields: [String: SourceLocation]

    /// Creates a map for an element.
    public init(element: SourceLocation, fields: [String: SourceLocation] = [:]) {
        self.element = element
        self.fields = fields
    }

    /// The position of a field's value, or of the element when the field is absent.
    public subscript(field: String) -> SourceLocation { fields[field] ?? element }
}

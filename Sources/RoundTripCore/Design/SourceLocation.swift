/// Where something stands in an input file: path, 1-based line and column.
public struct SourceLocation: Hashable, Sendable, Comparable, CustomStringConvertible {
    /// The file path as the user gave it.
    public var file: String
    /// 1-based line.
    public var line: Int
    /// 1-based column.
    public var column: Int

    /// Creates a location.
    public init(file: String, line: Int, column: Int) {
        self.file = file
        self.line = line
        self.column = column
    }

    /// `file:line:column`, the form editors and CI annotations understand.
    public var description: String { "\(file):\(line):\(column)" }

    /// A location for elements created by RoundTrip itself (implicit AKS load balancers).
    public static func synthesized(_ file: String) -> SourceLocation {
        SourceLocation(file: file, line: 0, column: 0)
    }

    public static func < (lhs: SourceLocation, rhs: SourceLocation) -> Bool {
        (lhs.file, lhs.line, lhs.column) < (rhs.file, rhs.line, rhs.column)
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

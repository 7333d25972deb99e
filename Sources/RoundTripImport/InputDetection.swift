/// What ``DesignImporter/detect(_:file:)`` found an input to be.
public struct InputDetection: Sendable, Hashable {
    /// The input form, which decides the importer.
    public var format: InputFormat
    /// The text syntax the input is written in.
    public var syntax: InputSyntax

    /// Creates a detection result.
    public init(format: InputFormat, syntax: InputSyntax) {
        self.format = format
        self.syntax = syntax
    }
}

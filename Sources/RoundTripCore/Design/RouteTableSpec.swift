/// `routeTables[]`.
public struct RouteTableSpec: Sendable {
    /// `name` (docs/format.md).
    public var name: String
    /// `disableBgpRoutePropagation` (docs/format.md).
    public var disableBgpRoutePropagation = false
    /// `routes` (docs/format.md).
    public var routes: [RouteSpec] = []
    /// `source` (docs/format.md).
    public var source: SourceMap
    /// Creates a value.
    public init(name: String, source: SourceMap) { self.name = name; self.source = source }
}

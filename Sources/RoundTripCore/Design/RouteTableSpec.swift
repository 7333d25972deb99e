/// A route table as written in the design: its routes and whether gateway routes propagate (`routeTables[]`).
public struct RouteTableSpec: Sendable {
    /// The route table's name.
    public var name: String
    /// Whether routes the VNet's gateway learns (BGP and static) are kept out of the associated subnets.
    public var disableBgpRoutePropagation = false
    /// The table's user-defined routes.
    public var routes: [RouteSpec] = []
    /// Where the element and each of its fields were written in the design file.
    public var source: SourceMap
    /// Creates a value.
    public init(name: String, source: SourceMap) { self.name = name; self.source = source }
}

/// A route table with its user-defined routes.
public struct RouteTable: Sendable {
    /// Resource name.
    public var name: String
    /// Whether gateway-learned routes (BGP and static) are kept out of the associated subnets.
    public var disableBgpRoutePropagation: Bool
    /// Routes in input order.
    public var routes: [UserRoute]
    /// Position in the input.
    public var source: SourceMap
}

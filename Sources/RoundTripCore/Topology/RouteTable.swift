/// A route table with its user-defined routes.
public struct RouteTable: Sendable {
    /// Resource name.
    public var name: String
    /// `disableBgpRoutePropagation`.
    public var disableBgpRoutePropagation: Bool
    /// Routes in input order.
    public var routes: [UserRoute]
    /// Position in the input.
    public var source: SourceMap
}

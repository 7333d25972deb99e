/// A session at a stateful or translating device.
struct Session {
    /// The device that keeps it.
    var device: Device
    /// Header as it arrived at the device (forward direction).
    var original: Packet
    /// Header as it left the device.
    var translated: Packet
    /// Whether the reply (or its restoration) has passed this device.
    var matched = false
    /// Whether a missing reply is a drop (stateful devices).
    var stateful: Bool
    /// The load balancer that handed the forward packet to this device (HA-ports symmetry, L9).
    var viaLoadBalancer: Int? = nil
    /// The route that sent the forward packet to this device.
    var routeToDevice: Decision? = nil
    /// For NAT kept at a host (load balancer, instance public IP): the workload whose NIC holds it (L2, M4). Only
    /// that NIC's host reverses it.
    var host: Int? = nil

    /// The reply's header once this session reverses it: the forward packet as it arrived, turned around.
    var restoredReply: Packet { original.reversed }

    /// Whether `packet` is the reply to this session's translated forward packet.
    func isReply(_ packet: Packet) -> Bool { translated.reversed == packet }
}

/// Every session of one round trip: created on the forward leg, matched (and reversed) by the reply.
///
/// One table for every stateful or translating device, so each device's behaviour only decides *whether* it keeps
/// a session and which one a reply belongs to.
struct SessionTable {
    private(set) var sessions: [Session] = []

    /// Opens a session.
    mutating func open(_ session: Session) { sessions.append(session) }

    /// The index of the first session `packet` is the reply to, among those `filter` accepts.
    func reply(to packet: Packet, where filter: (Session) -> Bool = { _ in true }) -> Int? {
        sessions.firstIndex { filter($0) && $0.isReply(packet) }
    }

    /// The index of the first session `filter` accepts.
    func firstIndex(where filter: (Session) -> Bool) -> Int? { sessions.firstIndex(where: filter) }

    /// Whether any session satisfies `filter`.
    func contains(where filter: (Session) -> Bool) -> Bool { sessions.contains(where: filter) }

    /// Marks session `index` as matched by its reply and returns the reply as the device restores it.
    mutating func match(_ index: Int) -> Packet {
        sessions[index].matched = true
        return sessions[index].restoredReply
    }

    /// Marks session `index` as matched without rewriting (nothing to restore: floating IP, masquerade passes).
    mutating func touch(_ index: Int) { sessions[index].matched = true }

    /// Session `index`.
    subscript(index: Int) -> Session { sessions[index] }

    /// The first stateful session the reply never passed: the device the reply went around (M2, M3).
    var bypassed: Session? { sessions.first { $0.stateful && !$0.matched } }
}

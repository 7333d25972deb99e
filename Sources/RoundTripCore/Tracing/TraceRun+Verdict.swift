/// Deciding the verdict once both legs are traced (M2–M4).
extension TraceRun {
    mutating func finish(deliveredBack: (Node, Packet)?) -> FlowTrace {
        var verdict = Verdict.symmetric
        var reason = TraceReason.symmetric
        var reasonLeg: Hop.Direction?
        var droppedAt: Node?
        var cause: Decision?
        if let drop {
            verdict = drop.verdict
            droppedAt = drop.node
            cause = drop.cause
            reasonLeg = reverse.isEmpty ? .forward : .return
            reason = drop.reason
        } else if let (node, packet) = deliveredBack {
            let original = Packet(
                source: flow.from.address, sourcePort: flow.sourcePort, destination: flow.to.address, destinationPort: flow.port,
                protocolType: flow.protocolType)
            let expected = original.reversed
            if !isClient(node) {
                verdict = .noRoute
                droppedAt = node
                cause = firstReturnRoute
                reason = .replyDeliveredElsewhere(node: node, client: flow.from)
            } else if packet.source != expected.source || packet.sourcePort != expected.sourcePort {
                verdict = .natMismatch
                droppedAt = node
                cause = firstReturnRoute
                reason = .natMismatch(
                    expected: expected.source, expectedPort: expected.sourcePort, actual: packet.source, actualPort: packet.sourcePort)
            } else if let s = sessions.bypassed {
                // The reply went around a stateful device that saw the forward packet: the next forward packet of the
                // session reaches it without an established session (M2, M3).
                verdict = .asymmetric
                droppedAt = t.node(of: s.device)
                // Outside Azure the fix is on the forward side (the route that left Azure); inside, it is the return
                // route that went around the device.
                if case .onPremisesEdge = s.device { cause = s.routeToDevice ?? firstReturnRoute } else { cause = firstReturnRoute }
                reason = .replyBypassesStatefulDevice(
                    device: t.node(of: s.device), returnPath: reverse.map(\.node), returnRoute: firstReturnRoute)
            }
        }
        let indices = t.unsupportedFindings.filter { i in
            t.findings[i].subnets.contains { touchedSubnets.contains($0) }
        }
        let unsupported = indices.map { t.findings[$0] }
        if !unsupported.isEmpty {
            reason = .unsupportedConfiguration(findings: indices, traceVerdict: verdict, traceReason: reason, traceLeg: reasonLeg)
            reasonLeg = nil
            verdict = .unsupportedConfig
            cause = nil
            // §16 D11: unsupported-config names the unsupported element.
            if let element = unsupported.lazy.compactMap(\.element).first { droppedAt = element }
        }
        var trace = FlowTrace(
            flowIndex: -1, forward: forward, reverse: reverse, verdict: verdict, reason: reason, reasonLeg: reasonLeg, droppedAt: droppedAt,
            cause: cause, egressAddresses: egress, warnings: warnings, unsupported: unsupported,
            touchedSubnets: touchedSubnets, touchedFirewalls: touchedFirewalls)
        if verdict != .symmetric { trace.shadowedRoute = shadowedRoute() }
        trace.touchedSecurityGroups = touchedSecurityGroups
        return trace
    }

    /// The first hop, forward then return, decided by a non-user route while a user route also covered the
    /// destination with a shorter prefix (R18) — a UDR the design meant but that never applied.
    func shadowedRoute() -> ShadowedRoute? {
        for hop in forward + reverse {
            guard case .route(let s, let i) = hop.decision else { continue }
            let table = t.effectiveRoutes[s]
            let routes = table.routes
            // Only a peering or gateway route taking over a user route is a surprise: losing to the VNet's own range
            // is how every 0.0.0.0/0 or broad UDR is meant to work, and a 0.0.0.0/0 route always loses.
            switch routes[i].origin {
            case .peering, .gateway: break
            default: continue
            }
            let destination = hop.packet.destination
            let loser = table.activeUserRoutes.filter { j in
                j != i && routes[j].prefix.length > 0
                    && routes[j].prefix.contains(destination)
                    && routes[j].prefix.length < routes[i].prefix.length
            }.max { routes[$0].prefix.length < routes[$1].prefix.length }
            if let loser { return ShadowedRoute(winner: .route(subnet: s, index: i), loser: .route(subnet: s, index: loser)) }
        }
        return nil
    }

    /// Whether the reply ended where the flow started.
    func isClient(_ node: Node) -> Bool {
        switch (flow.from, node) {
        case (.internet(let a), .internetHost(let b)): return a == b
        case (.onPremises(let n, _), .onPremises(let m)): return n == m
        case (.workload(let w, let a), .nic(let v, let b)): return w == v && a == b
        default: return false
        }
    }

    /// The first route decision of the return leg (where the reply's path was chosen).
    var firstReturnRoute: Decision? {
        reverse.first { if case .route = $0.decision { return true } else { return false } }?.decision
    }
}

import Foundation
import RoundTripImport
import RoundTripTestSupport
import Testing

@testable import RoundTripCore

/// Typed reasons: every drop, note and warning is a ``TraceReason`` with a stable code, rendered into English in one place.
@Suite("Typed trace reasons")
struct TraceReasonTests {
    static let files =
        TestFiles.list("samples") + TestFiles.list("Tests/RoundTripCoreTests/Fixtures/scenarios")
        + TestFiles.list("Tests/RoundTripCoreTests/Fixtures/routing")

    @Test("codes are unique, non-empty and kebab-case; rules are short ids")
    func codes() {
        let codes = TraceReason.Kind.allCases.map(\.rawValue)
        #expect(Set(codes).count == codes.count)
        for code in codes {
            #expect(code.range(of: "^[a-z0-9]+(-[a-z0-9]+)*$", options: .regularExpression) != nil, "\(code)")
        }
        for kind in TraceReason.Kind.allCases {
            if let rule = kind.rule { #expect(rule.range(of: "^[A-Z][A-Za-z0-9-]*$", options: .regularExpression) != nil, "\(rule)") }
        }
    }

    @Test("every drop, note, warning and verdict of every sample and fixture has a code and English text", arguments: files)
    func everyReasonIsTyped(file: String) throws {
        let t = try TestFiles.topology(file)
        let tracer = Tracer(t)
        for index in t.flows.indices {
            let trace = tracer.trace(flowAt: index)
            let name = "\(file): \(t.flows[index].name)"
            #expect(!trace.reason.code.isEmpty, "\(name)")
            #expect(!t.reasonText(of: trace).isEmpty, "\(name)")
            #expect((trace.reason == .symmetric) == (trace.verdict == .symmetric), "\(name)")
            #expect((trace.reasonLeg != nil) == trace.reason.isDrop, "\(name)")
            for hop in trace.forward + trace.reverse {
                // A loop's dropped hop carries no note (the flow's reason names the loop).
                if hop.outcome == .dropped && trace.verdict != .loop {
                    let note = try #require(hop.note, "\(name): a dropped hop at \(t.name(of: hop.node)) has no reason")
                    #expect(!note.code.isEmpty)
                }
                if let note = hop.note { #expect(!t.describe(note).isEmpty, "\(name): \(note.code)") }
            }
            for warning in trace.warnings {
                #expect(!warning.code.isEmpty)
                #expect(!t.describe(warning).isEmpty)
            }
        }
    }

    @Test("the public load balancer behind a 0.0.0.0/0 UDR: the firewall has no session for the reply (M3)")
    func publicLoadBalancerAsymmetry() throws {
        let t = try TestFiles.topology("samples/udr-public-lb-asymmetric.yaml")
        let trace = Tracer(t).trace(flowAt: 0)
        #expect(trace.verdict == .asymmetric)
        guard case .firewallNoSession(let f, let miss) = trace.reason else {
            Issue.record("expected firewallNoSession, got \(trace.reason)")
            return
        }
        #expect(t.firewalls[f].name == "hub-firewall")
        #expect(trace.reason.code == "firewall-no-session")
        #expect(trace.reason.rule == "M3")
        #expect(trace.reasonLeg == .return)
        #expect(miss.sentBy.map { t.describeDecision($0) }?.contains("firewall-route") == true)
        #expect(t.fields(of: trace.reason)["firewall"] == "hub-firewall")
        #expect(trace.reverse.last?.note == trace.reason)
        #expect(t.reasonText(of: trace).hasPrefix("return: firewall 'hub-firewall' has no session for the reply "))
    }

    @Test("the firewall's default deny is typed (F8) and keeps Azure's log wording")
    func firewallDefaultDeny() throws {
        let t = try TestFiles.topology("samples/udr-firewall-aks-rules-only.yaml")
        let traces = t.flows.indices.map { Tracer(t).trace(flowAt: $0) }
        let denied = try #require(traces.first { $0.reason.kind == .firewallNoRuleMatched })
        #expect(denied.verdict == .denied)
        #expect(denied.reason.code == "firewall-default-deny")
        #expect(denied.reason.rule == "F8")
        #expect(t.reasonText(of: denied).contains("Action: Deny. Reason: No rule matched. Proceeding with default action."))
    }
}

extension TraceReason {
    /// Whether this flow-level reason is a drop on one leg (as opposed to a verdict decided after both legs).
    var isDrop: Bool {
        switch self {
        case .symmetric, .replyDeliveredElsewhere, .natMismatch, .replyBypassesStatefulDevice, .unsupportedConfiguration,
            .defaultOutboundAccessUsed:
            return false
        default: return true
        }
    }
}

import Foundation
import RoundTripImport
import RoundTripTestSupport
import Testing

@testable import RoundTripCore

/// Azure Firewall Policy and IP groups (azure-semantics §15, F19–F28): the fixtures in Fixtures/policy state their
/// verdicts; these tests also pin the order, the reasons and the compiler's checks.
@Suite("Firewall Policy")
struct FirewallPolicyTests {
    // Every policy fixture's expected verdicts are asserted by ScenarioTests, which lists the policy folder.

    /// The decisions of a flow's forward hops, in words.
    static func decisions(_ file: String, flow: String) throws -> (Topology, FlowTrace, [String]) {
        let t = try TestFiles.topology(file)
        let index = try #require(t.flows.firstIndex { $0.name == flow })
        let trace = Tracer(t).trace(flowAt: index)
        return (t, trace, trace.forward.compactMap { $0.decision.map(t.describeDecision) })
    }

    @Test("group priority before collection priority: RC 900 in RCG 200 decides before RC 100 in RCG 300 (F21.4)")
    func groupOrder() throws {
        let (_, trace, decisions) = try Self.decisions(
            "Tests/RoundTripCoreTests/Fixtures/policy/group-before-collection-priority.yaml", flow: "vm-to-api")
        #expect(trace.verdict == .symmetric)
        #expect(
            decisions.contains {
                $0.contains("collection 'allow-api', priority 900, Allow, rule collection group 'rcg-200' (policy 'hub-policy')")
            })
    }

    @Test("the base policy's groups run first within a rule type, whatever their numbers (F23)")
    func baseFirst() throws {
        let (t, trace, _) = try Self.decisions(
            "Tests/RoundTripCoreTests/Fixtures/policy/base-deny-beats-child-allow.yaml", flow: "vm-to-api")
        #expect(trace.verdict == .denied)
        #expect(trace.reason.code == "firewall-network-rule-deny")
        #expect(t.reasonText(of: trace).contains("in collection 'deny-api' of rule collection group 'base-guardrails' (policy 'org-base')"))
        #expect(t.firewalls[0].policy?.chain == ["org-base", "app-policy"])
    }

    @Test("a child's network Allow beats a base's application Deny (type order, F21.2)")
    func typeFirst() throws {
        let (_, trace, decisions) = try Self.decisions(
            "Tests/RoundTripCoreTests/Fixtures/policy/child-network-beats-base-app.yaml", flow: "vm-to-api")
        #expect(trace.verdict == .symmetric)
        #expect(decisions.contains { $0.contains("network rule 'vm-to-api'") && $0.contains("policy 'app-policy'") })
    }

    @Test("DNS proxy off: a flow reaching the FQDN group is unsupported-config at the firewall, naming the rule and the fix (F25)")
    func dnsProxyOff() throws {
        let file = "Tests/RoundTripCoreTests/Fixtures/policy/dns-proxy-off.yaml"
        let (t, trace, _) = try Self.decisions(file, flow: "vm-to-api")
        #expect(trace.verdict == .unsupportedConfig)
        #expect(trace.reason.code == "firewall-dns-proxy-required")
        #expect(trace.reason.rule == "F25")
        let text = t.reasonText(of: trace)
        #expect(text.contains("network rule 'vm-to-api-by-name'") && text.contains("enableProxy: true"))
        guard case .firewallNetworkRule(_, let c, let r) = try #require(trace.cause) else {
            Issue.record("cause is not the FQDN network rule")
            return
        }
        #expect(t.firewalls[0].networkCollections[c].rules[r].name == "vm-to-api-by-name")
        let (_, decided, _) = try Self.decisions(file, flow: "vm-to-plain")
        #expect(decided.verdict == .symmetric)
    }

    @Test("DNS proxy on: a network rule's FQDN matches the destination endpoint's fqdn (F25)")
    func dnsProxyOn() throws {
        let (_, trace, decisions) = try Self.decisions("Tests/RoundTripCoreTests/Fixtures/policy/dns-proxy-on.yaml", flow: "vm-to-api")
        #expect(trace.verdict == .symmetric)
        #expect(decisions.contains { $0.contains("network rule 'vm-to-api-by-name'") })
    }

    @Test("DNAT through a policy translates and SNATs to an instance address (F22, F13)")
    func dnat() throws {
        let (t, trace, _) = try Self.decisions("Tests/RoundTripCoreTests/Fixtures/policy/dnat.yaml", flow: "internet-to-web")
        #expect(trace.verdict == .symmetric)
        let hop = try #require(trace.forward.first { $0.rewrites.contains { $0.kind == .dnat } })
        let snat = try #require(hop.rewrites.first { $0.kind == .snat })
        #expect(t.firewalls[0].instanceIPs.contains(snat.afterAddress))
    }

    // MARK: compiler checks

    static let base = """
        apiVersion: roundtrip/v1
        name: policy-check
        publicIPAddresses: [{ name: fw-pip, ipAddress: 20.61.40.4 }]
        virtualNetworks:
          - { name: hub, addressSpace: [10.0.0.0/16], subnets: [{ name: AzureFirewallSubnet, addressPrefix: 10.0.0.0/26 }] }
        ipGroups:
          - { name: spokes, ipAddresses: [10.1.0.0/16] }

        """

    static func compile(_ policies: String, firewall: String = "", ipGroups: String = "") throws -> Topology {
        let text =
            base + ipGroups + "firewallPolicies:\n" + policies + """
                azureFirewalls:
                  - { name: fw, subnet: hub/AzureFirewallSubnet, privateIPAddress: 10.0.0.4, publicIPAddresses: [fw-pip], firewallPolicy: p\(firewall) }

                """
        return try Topology.compile(try DesignImporter.importDesign(text, file: "p.yaml"))
    }

    static func errors(_ policies: String) -> [Diagnostic] {
        do {
            _ = try compile(policies)
            return []
        } catch let error as DesignError {
            return error.diagnostics
        } catch {
            return []
        }
    }

    static func rule(
        _ fields: String, type: String = "FirewallPolicyFilterRuleCollection", action: String = "Allow", groupPriority: Int = 100
    ) -> String {
        """
          - name: p
            ruleCollectionGroups:
              - name: g
                priority: \(groupPriority)
                ruleCollections:
                  - { name: c, priority: 100, ruleCollectionType: \(type), action: \(action), rules: [\(fields)] }

        """
    }

    @Test("unknown IP group, unknown base policy and unknown policy are reported with did-you-mean")
    func unknownReferences() {
        let ipg = Self.errors(
            Self.rule(
                "{ name: r, ruleType: NetworkRule, ipProtocols: [TCP], sourceIpGroups: [spoke], destinationAddresses: ['*'], destinationPorts: ['443'] }"
            ))
        #expect(ipg.contains { $0.code == .unknownReference && $0.hint?.contains("spokes") == true })
        let base = Self.errors("  - { name: p, basePolicy: org-bse }\n  - { name: org-base }\n")
        #expect(base.contains { $0.code == .unknownReference && $0.hint?.contains("org-base") == true })
        let policy = Self.errors("  - { name: p1 }\n")
        #expect(policy.contains { $0.code == .unknownReference && $0.message.contains("firewallPolicy") })
    }

    @Test("a base-policy cycle is an error (F23)")
    func cycle() {
        let errors = Self.errors("  - { name: p, basePolicy: q }\n  - { name: q, basePolicy: p }\n")
        #expect(errors.contains { $0.code == .basePolicyCycle })
    }

    @Test("IP groups only where F24 allows them; one rule type per collection; priorities 100–65000 (F20, F24)")
    func shapes() {
        let nat = Self.errors(
            Self.rule(
                "{ name: r, ruleType: NatRule, ipProtocols: [TCP], sourceAddresses: ['*'], destinationIpGroups: [spokes], destinationPorts: ['443'], translatedAddress: 10.0.1.4, translatedPort: 443 }",
                type: "FirewallPolicyNatRuleCollection", action: "DNAT"))
        #expect(nat.contains { $0.code == .ipGroupNotAllowed })
        let mixed = Self.errors(
            Self.rule(
                "{ name: a, ruleType: NetworkRule, ipProtocols: [TCP], sourceAddresses: ['*'], destinationAddresses: ['*'], destinationPorts: ['443'] }, { name: b, ruleType: ApplicationRule, sourceAddresses: ['*'], protocols: [{ protocolType: Https, port: 443 }], targetFqdns: [x.example.com] }"
            ))
        #expect(mixed.contains { $0.code == .policyRuleType })
        let priority = Self.errors(
            Self.rule(
                "{ name: a, ruleType: NetworkRule, ipProtocols: [TCP], sourceAddresses: ['*'], destinationAddresses: ['*'], destinationPorts: ['443'] }",
                groupPriority: 70000))
        #expect(priority.contains { $0.code == .outOfRange })
    }

    @Test("an unresolvable translatedFqdn is a warning and the rule is skipped (F22)")
    func translatedFqdn() throws {
        let t = try Self.compile(
            Self.rule(
                "{ name: r, ruleType: NatRule, ipProtocols: [TCP], sourceAddresses: ['*'], destinationAddresses: [fw-pip], destinationPorts: ['443'], translatedFqdn: web.example.com, translatedPort: 443 }",
                type: "FirewallPolicyNatRuleCollection", action: "DNAT"))
        #expect(t.warnings.contains { $0.code == .unresolvedTranslatedFqdn })
        #expect(t.firewalls[0].natCollections.allSatisfy { $0.rules.isEmpty })
    }

    @Test("policy snat wins over the firewall's snatPrivateRanges (warning); auto-learn and threat-intel Deny are findings (F26, F28)")
    func settings() throws {
        let t = try Self.compile(
            "  - { name: p, threatIntelMode: Deny, snat: { privateRanges: [0.0.0.0/0], autoLearnPrivateRanges: Enabled } }\n",
            firewall: ", snatPrivateRanges: [IANAPrivateRanges]")
        #expect(t.warnings.contains { $0.code == .policySnatOverride })
        #expect(t.firewalls[0].snatPrivateRanges == [.any])
        #expect(t.findings.contains { $0.code == "firewall-policy-snat-auto-learn" && $0.rule == "F26" })
        #expect(t.findings.contains { $0.code == "firewall-policy-threat-intel-deny" && $0.rule == "F28" })
    }
}

/// Findings about Firewall Policy settings the analysis does not model (F26, F28).
extension ConfigAudit {
    static func policyFindings(in topology: Topology) -> [ConfigFinding] {
        var result: [ConfigFinding] = []
        for (f, fw) in topology.firewalls.enumerated() {
            guard let policy = fw.policy else { continue }
            if let location = policy.autoLearn {
                result.append(
                    ConfigFinding(
                        code: "firewall-policy-snat-auto-learn", unsupported: false,
                        message:
                            "firewall policy '\(policy.name)' of firewall '\(fw.name)' learns SNAT private ranges through Azure Route Server; RoundTrip does not model Route Server and uses only the configured privateRanges",
                        rule: "F26", location: location, subnets: [fw.subnet],
                        hint: "list the learned ranges under snat.privateRanges to analyse them",
                        element: .firewall(firewall: f, instance: nil)))
            }
            if let location = policy.threatIntelDeny {
                result.append(
                    ConfigFinding(
                        code: "firewall-policy-threat-intel-deny", unsupported: false,
                        message:
                            "firewall policy '\(policy.name)' of firewall '\(fw.name)' denies traffic to and from addresses in Microsoft's threat-intelligence feed before any rule; RoundTrip has no feed offline and does not model it",
                        rule: "F28", location: location, subnets: [fw.subnet],
                        element: .firewall(firewall: f, instance: nil)))
            }
        }
        return result
    }
}

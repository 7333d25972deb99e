import RoundTripCore

/// JUnit XML for CI systems: one test case per flow, per assertion and (with --exhaustive) per entry point.
public enum JUnitReport {
    struct Case {
        var classname: String
        var name: String
        var failure: (type: String, message: String, detail: String)?
        /// Notes for the test-report UI: an acceptance, a suggested fix.
        var output: String? = nil
    }

    /// The XML document.
    public static func xml(_ report: CheckReport, failOn: Set<Verdict>) -> String {
        let t = report.topology
        var suites: [(String, [Case])] = []
        suites.append(
            (
                "flows",
                report.results.map { r in
                    var failure: (String, String, String)?
                    let fix = report.fix(for: r).map { "\($0.label): \($0.description)" }
                    if !report.fails(r, on: failOn) {
                        failure = nil
                    } else if r.holds == false {
                        failure = (
                            "expectation-failed", r.expectationFailures.joined(separator: "; "),
                            ([t.reasonText(of: r.trace)] + [fix].compactMap { $0 }).joined(separator: "\n")
                        )
                    } else {
                        failure = (
                            r.trace.verdict.rawValue, "\(r.trace.verdict.rawValue): \(t.reasonText(of: r.trace))",
                            ([detail(r.trace, in: t)] + [fix].compactMap { $0 }).joined(separator: "\n")
                        )
                    }
                    let notes = [report.acceptance(ofFlow: r.flow.name, verdict: r.trace.verdict)?.summary, fix].compactMap { $0 }
                    return Case(
                        classname: "roundtrip.flows", name: r.flow.name, failure: failure,
                        output: notes.isEmpty ? nil : notes.joined(separator: "\n"))
                }
            ))
        suites.append(
            (
                "assertions",
                report.assertions.map { a in
                    let failure = a.counterexamples.first.map { c -> (String, String, String) in
                        (
                            "assertion-failed", "\(ClientSetText.describe(c)) → \(c.destination): \(c.reason)",
                            a.counterexamples.map { "\(ClientSetText.describe($0)) → \($0.destination): \($0.reason)" }.joined(
                                separator: "\n")
                        )
                    }
                    return Case(classname: "roundtrip.assertions", name: a.assertion.name, failure: failure)
                }
            ))
        if !report.requiredEgress.isEmpty {
            suites.append(
                (
                    "aks-required-egress",
                    report.requiredEgress.map { r in
                        let failure: (String, String, String)? =
                            r.item.required && !r.allowed
                            ? (
                                "aks-required-egress", "\(r.item.destination) is blocked",
                                "\(t.reasonText(of: r.trace))\nallow it with \(r.allowHint(in: t) ?? "")"
                            ) : nil
                        return Case(
                            classname: "roundtrip.aks-required-egress",
                            name:
                                "\(t.clusters[r.cluster].name) \(r.item.protocolType.rawValue.uppercased()) \(r.item.port) \(r.item.destination)",
                            failure: failure)
                    }
                ))
        }
        if let exhaustive = report.exhaustive {
            suites.append(
                (
                    "exhaustive",
                    exhaustive.results.map { r in
                        let bad = report.failingVerdicts(of: r, on: failOn)
                        let failure = bad.first.map { v -> (String, String, String) in
                            (
                                v.verdict.rawValue, "\(v.verdict.rawValue) for \(ClientSetText.describe(v.clients, in: r, topology: t))",
                                bad.map {
                                    "\($0.verdict.rawValue) for \(ClientSetText.describe($0.clients, in: r, topology: t)): \(t.reasonText(of: $0.example))"
                                }.joined(separator: "\n")
                            )
                        }
                        let notes = r.verdicts.compactMap { v in
                            report.acceptance(of: r, verdict: v.verdict).map { "\(v.verdict.rawValue): \($0.summary)" }
                        }
                        return Case(
                            classname: "roundtrip.exhaustive", name: r.entry.name + (r.backend.map { " → \($0)" } ?? ""), failure: failure,
                            output: notes.isEmpty ? nil : notes.joined(separator: "\n"))
                    }
                ))
        }
        let total = suites.reduce(0) { $0 + $1.1.count }
        let failures = suites.reduce(0) { $0 + $1.1.filter { $0.failure != nil }.count }
        var xml = "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
        xml +=
            "<testsuites name=\"\(escape("roundtrip: " + t.name))\" tests=\"\(total)\" failures=\"\(failures)\" errors=\"0\" time=\"0\">\n"
        for (name, cases) in suites where !cases.isEmpty {
            let failed = cases.filter { $0.failure != nil }.count
            xml +=
                "  <testsuite name=\"\(escape("\(t.name) \(name)"))\" tests=\"\(cases.count)\" failures=\"\(failed)\" errors=\"0\" skipped=\"0\" time=\"0\">\n"
            xml += "    <properties>\n      <property name=\"design\" value=\"\(escape(t.file))\"/>\n    </properties>\n"
            for c in cases {
                xml += "    <testcase classname=\"\(escape(c.classname))\" name=\"\(escape(c.name))\" time=\"0\""
                if c.failure != nil || c.output != nil {
                    xml += ">\n"
                    if let f = c.failure {
                        xml += "      <failure type=\"\(escape(f.type))\" message=\"\(escape(f.message))\">\(escape(f.detail))</failure>\n"
                    }
                    if let output = c.output { xml += "      <system-out>\(escape(output))</system-out>\n" }
                    xml += "    </testcase>\n"
                } else {
                    xml += "/>\n"
                }
            }
            xml += "  </testsuite>\n"
        }
        return xml + "</testsuites>\n"
    }

    static func detail(_ trace: FlowTrace, in t: Topology) -> String {
        var lines = [t.reasonText(of: trace)]
        if let cause = trace.cause {
            lines.append("cause: \(t.describeDecision(cause))" + (t.location(of: cause).map { " at \($0)" } ?? ""))
        }
        return lines.joined(separator: "\n")
    }

    /// XML escaping for text and attribute values; characters XML 1.0 forbids are dropped.
    static func escape(_ text: String) -> String {
        MarkupEscaping.escape(text, newline: "&#10;", apostrophe: "&apos;", keepTabs: "&#9;")
    }
}

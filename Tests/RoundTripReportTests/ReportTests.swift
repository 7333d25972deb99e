import Foundation
import RoundTripCore
import RoundTripImport
import RoundTripTestSupport
import Testing

@testable import RoundTripReport

@Suite("Text and JSON reports")
struct ReportTests {
    @Test("JSON names the verdict, the drop point and the 0.0.0.0/0 route")
    func json() throws {
        let t = try TestFiles.topology("samples/udr-public-lb-asymmetric.yaml")
        let text = try JSONReport.check(Checker.check(t), failOn: CheckReport.defaultFailOn)
        let object = try #require(try JSONSerialization.jsonObject(with: Data(text.utf8)) as? [String: Any])
        let flows = try #require(object["flows"] as? [[String: Any]])
        let flow = try #require(flows.first)
        #expect(flow["name"] as? String == "internet-to-nginx")
        #expect(flow["verdict"] as? String == "asymmetric")
        #expect(flow["droppedAt"] as? String == "hub-firewall")
        #expect(flow["holds"] as? Bool == true)
        let cause = try #require(flow["cause"] as? [String: Any])
        let route = try #require(cause["route"] as? [String: Any])
        #expect(route["addressPrefix"] as? String == "0.0.0.0/0")
        #expect(route["name"] as? String == "firewall-route")
        #expect((flow["forward"] as? [Any])?.count == 3)
        #expect((flow["return"] as? [Any])?.count == 2)
        let summary = try #require(object["summary"] as? [String: Any])
        // The flow expects asymmetric and gets it: a documented known defect does not fail the run.
        #expect(summary["failed"] as? Bool == false)
        #expect(flow["fails"] as? Bool == false)
        #expect((flow["fix"] as? [String: Any])?["kind"] as? String == "hint")
    }

    @Test("the same design gives byte-identical JSON and text", arguments: ["samples/hub-spoke.yaml", "samples/seed-lab.yaml"])
    func deterministic(file: String) throws {
        let a = try JSONReport.check(Checker.check(TestFiles.topology(file)), failOn: [])
        let b = try JSONReport.check(Checker.check(TestFiles.topology(file)), failOn: [])
        #expect(a == b)
        #expect(
            TextReport.check(Checker.check(try TestFiles.topology(file))) == TextReport.check(Checker.check(try TestFiles.topology(file))))
    }

    @Test("user-supplied names are escaped in JSON")
    func escaping() throws {
        let text = """
            apiVersion: roundtrip/v1
            name: "quote \\" backslash \\\\ <tag> & ü"
            virtualNetworks:
              - name: v
                addressSpace: [10.0.0.0/16]
                subnets: [{ name: s, addressPrefix: 10.0.1.0/24 }]
            workloads:
              - { name: "vm \\"one\\"", kind: vm, subnet: v/s, ipAddresses: [10.0.1.4] }
              - { name: "vm <two>", kind: vm, subnet: v/s, ipAddresses: [10.0.1.5] }
            flows:
              - { name: "a \\"flow\\"", from: "vm \\"one\\"", to: "vm <two>", port: 22, expect: symmetric }
            """
        let t = try Topology.compile(try DesignReader.parse(text, file: "odd.yaml"))
        let json = try JSONReport.check(Checker.check(t), failOn: [])
        let object = try #require(try JSONSerialization.jsonObject(with: Data(json.utf8)) as? [String: Any])
        #expect(object["design"] as? String == "quote \" backslash \\ <tag> & ü")
        let flow = try #require((object["flows"] as? [[String: Any]])?.first)
        #expect(flow["name"] as? String == "a \"flow\"")
        #expect(flow["from"] as? String == "vm \"one\"")
    }

    @Test("effective routes print like Azure's view")
    func routes() throws {
        let t = try TestFiles.topology("samples/udr-public-lb-asymmetric.yaml")
        let text = TextReport.routes(t, subnet: try #require(t.subnetIndex(named: "aks-vnet/aks-subnet")))
        let lines = text.split(separator: "\n").map(String.init)
        #expect(lines[1].hasPrefix("Source"))
        #expect(
            lines.contains {
                $0.hasPrefix("User") && $0.contains("0.0.0.0/0") && $0.contains("VirtualAppliance") && $0.contains("10.42.2.4")
            })
        #expect(lines.contains { $0.hasPrefix("Default") && $0.contains("Invalid") && $0.contains("0.0.0.0/0") && $0.contains("Internet") })
    }
}

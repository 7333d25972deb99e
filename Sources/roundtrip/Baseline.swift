import Foundation
import RoundTripCore

/// `--baseline FILE`: the findings of an earlier `check --format json`, accepted so that only new ones fail.
enum Baseline {
    /// Reads a baseline file: every flow and every entry-point verdict that was not symmetric becomes an acceptance.
    static func load(_ path: String, today: String) throws -> [Acceptance] {
        guard let data = path == "-" ? FileHandle.standardInput.readDataToEndOfFile() : FileManager.default.contents(atPath: path)
        else {
            throw InputFailure("\(path): error: cannot read the baseline (the output of an earlier check --format json)")
        }
        guard let object = try? JSONSerialization.jsonObject(with: data) as? [String: Any], object["flows"] is [Any] else {
            throw InputFailure("\(path): error: not a baseline: expected the output of roundtrip check --format json")
        }
        let reason = "in the baseline \(URL(fileURLWithPath: path).lastPathComponent)"
        var list: [Acceptance] = []
        for flow in object["flows"] as? [[String: Any]] ?? [] {
            guard let name = flow["name"] as? String, let verdict = (flow["verdict"] as? String).flatMap(Verdict.init(rawValue:)),
                verdict != .symmetric
            else { continue }
            list.append(Acceptance(flow: name, verdict: verdict, reason: reason, origin: .baseline, today: today))
        }
        for entry in object["exhaustive"] as? [[String: Any]] ?? [] {
            guard let name = entry["name"] as? String else { continue }
            let entryPoint = (entry["backend"] as? String).map { "\(name) → \($0)" } ?? name
            for item in entry["verdicts"] as? [[String: Any]] ?? [] {
                guard let verdict = (item["verdict"] as? String).flatMap(Verdict.init(rawValue:)), verdict != .symmetric else { continue }
                list.append(Acceptance(entryPoint: entryPoint, verdict: verdict, reason: reason, origin: .baseline, today: today))
            }
        }
        return list
    }

    /// Today's date in UTC, `YYYY-MM-DD`, for acceptance expiry (`ROUNDTRIP_TODAY` overrides it, for tests).
    static var today: String {
        if let value = ProcessInfo.processInfo.environment["ROUNDTRIP_TODAY"], !value.isEmpty { return value }
        let formatter = DateFormatter()
        formatter.locale = Locale(identifier: "en_US_POSIX")
        formatter.timeZone = TimeZone(identifier: "UTC")
        formatter.dateFormat = "yyyy-MM-dd"
        return formatter.string(from: Date())
    }
}

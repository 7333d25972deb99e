/// A set of IPv4 addresses as sorted, disjoint, non-adjacent inclusive intervals.
public struct AddressSpace: Hashable, Sendable {
    /// The intervals, as 64-bit bounds so `last + 1` never overflows.
    public private(set) var intervals: [ClosedRange<UInt64>]

    /// The empty set.
    public init() { intervals = [] }

    /// The addresses of some prefixes.
    public init(_ prefixes: [IPv4Prefix]) {
        intervals = []
        for p in prefixes { insert(UInt64(p.first.value)...UInt64(p.last.value)) }
    }

    /// Every address.
    public static let all = AddressSpace([.any])

    /// Whether there are no addresses.
    public var isEmpty: Bool { intervals.isEmpty }

    /// Number of addresses.
    public var count: UInt64 { intervals.reduce(0) { $0 + $1.upperBound - $1.lowerBound + 1 } }

    /// Adds an interval, merging overlaps and neighbours.
    public mutating func insert(_ range: ClosedRange<UInt64>) {
        // Fast path: intervals added in ascending order (the exhaustive verifier's classes) append or extend the last.
        if let last = intervals.last, range.lowerBound >= last.lowerBound {
            if range.lowerBound > last.upperBound + 1 {
                intervals.append(range)
                return
            }
            intervals[intervals.count - 1] = last.lowerBound...max(last.upperBound, range.upperBound)
            return
        }
        if intervals.isEmpty {
            intervals.append(range)
            return
        }
        var lower = range.lowerBound
        var upper = range.upperBound
        var result: [ClosedRange<UInt64>] = []
        var placed = false
        for r in intervals {
            if r.upperBound + 1 < lower {
                result.append(r)
            } else if upper + 1 < r.lowerBound {
                if !placed {
                    result.append(lower...upper)
                    placed = true
                }
                result.append(r)
            } else {
                lower = min(lower, r.lowerBound)
                upper = max(upper, r.upperBound)
            }
        }
        if !placed { result.append(lower...upper) }
        intervals = result
    }

    /// The addresses of `self` not in `other`.
    public func subtracting(_ other: AddressSpace) -> AddressSpace {
        var result: [ClosedRange<UInt64>] = []
        var j = 0
        for r in intervals {
            var lower = r.lowerBound
            while j < other.intervals.count, other.intervals[j].upperBound < lower { j += 1 }
            var k = j
            while lower <= r.upperBound {
                guard k < other.intervals.count, other.intervals[k].lowerBound <= r.upperBound else {
                    result.append(lower...r.upperBound)
                    break
                }
                let hole = other.intervals[k]
                if hole.lowerBound > lower { result.append(lower...(hole.lowerBound - 1)) }
                lower = max(lower, hole.upperBound + 1)
                k += 1
            }
        }
        var space = AddressSpace()
        space.intervals = result
        return space
    }

    /// Whether an address is in the set.
    public func contains(_ address: IPv4Address) -> Bool {
        let a = UInt64(address.value)
        var low = 0
        var high = intervals.count - 1
        while low <= high {
            let mid = (low + high) / 2
            if intervals[mid].upperBound < a { low = mid + 1 } else if intervals[mid].lowerBound > a { high = mid - 1 } else { return true }
        }
        return false
    }

    /// The smallest list of CIDR prefixes covering exactly these addresses.
    public var prefixes: [IPv4Prefix] {
        var result: [IPv4Prefix] = []
        for r in intervals {
            var start = r.lowerBound
            while start <= r.upperBound {
                // The largest aligned block starting at `start` that fits.
                var size: UInt64 = start == 0 ? 1 << 32 : start & (~start &+ 1)
                while start + size - 1 > r.upperBound { size >>= 1 }
                let length = UInt8(32 - size.trailingZeroBitCount)
                result.append(IPv4Prefix(IPv4Address(UInt32(truncatingIfNeeded: start)), length: length))
                start += size
            }
        }
        return result
    }
}

#pragma once

namespace cardioseg::image {

/// The slices the left ventricle spans at one phase, base to apex inclusive (slice 0 is the
/// most basal slice of a stack). Empty when the ventricle is on no slice.
struct SliceRange {
    int base = -1;
    int apex = -1;
    bool empty() const { return base < 0 || apex < base; }
    bool contains(int slice) const { return !empty() && slice >= base && slice <= apex; }
    bool operator==(const SliceRange& o) const { return base == o.base && apex == o.apex; }
    bool operator!=(const SliceRange& o) const { return !(*this == o); }
};

/// A person's choice of the basal and apical slices at one phase (-1: as found).
struct CoverageChoice {
    int base = -1;
    int apex = -1;
    bool operator==(const CoverageChoice& o) const { return base == o.base && apex == o.apex; }
    bool operator!=(const CoverageChoice& o) const { return !(*this == o); }
};

}  // namespace cardioseg::image

#pragma once

namespace cardioseg::io {

/// Registers DCMTK's JPEG, JPEG-LS and RLE decoders and encoders once per process
/// (thread-safe; later calls do nothing).
void registerDcmtkCodecs();

}  // namespace cardioseg::io

#pragma once

#include <string>

namespace cardioseg::engine {

/// "auto" picks CUDA when this LibTorch has it and a GPU is visible, else the CPU.
enum class DeviceChoice { Auto, Cpu, Cuda };

/// Parses "auto", "cpu" or "cuda"; throws std::invalid_argument.
DeviceChoice parseDevice(const std::string& name);

bool cudaAvailable();

/// "cpu" or "cuda"; throws std::runtime_error when CUDA is asked for and not available.
std::string resolveDevice(DeviceChoice choice);

/// Sets the CPU thread count of LibTorch (0: one per hardware thread).
void setCpuThreads(int threads);
int cpuThreads();

}  // namespace cardioseg::engine

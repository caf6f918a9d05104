/**
 * A dependency that /health/ready reports on. Critical probes failing make the
 * instance unready (503); the others only mark it degraded.
 */
export interface ReadinessProbe {
  name: string;
  critical: boolean;
  check(): Promise<Record<string, unknown> | void>;
}

export const READINESS_PROBES = Symbol('READINESS_PROBES');

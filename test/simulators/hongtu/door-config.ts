/**
 * A door device's configuration as `door.queryConfig` returns it (hongtu.md §6 door.queryConfig):
 * five sections, each a flat record. `door.config` writes the fields it is given into them.
 */
export type ConfigSection = 'customConfig' | 'algorithmConfig' | 'safeGuardConfig' | 'strangerConfig' | 'temperatureConfig';
export const CONFIG_SECTIONS: readonly ConfigSection[] = ['customConfig', 'algorithmConfig', 'safeGuardConfig', 'strangerConfig', 'temperatureConfig'];

export type DoorConfig = Record<ConfigSection, Record<string, unknown>>;

/** Factory defaults: a single-person panel at 1.5 m, monocular liveness, no temperature module. */
export function defaultDoorConfig(): DoorConfig {
  const angles = { pitchThreshold: 30, yawThreshold: 30, rollThreshold: 30, sharpnessThreshold: 0.5, smallestFace: 100 };
  return {
    customConfig: {
      companyName: '',
      showPersonName: true,
      pictureType: 0,
      standByTime: 0,
      fillLightness: 50,
      recognitionInterval: 3,
      rebootSchedule: '*/',
      alarmInput1: 0,
      alarmInput2: 0,
      alarmOutput1: [],
      recognitionTimes: 0,
      lockSwitch: true,
      sensorType: 0,
      verificationMode: 0,
      openTimeOut: 30,
      openDuration: 5,
      openDelay: 0,
      wiegandMode: 0,
      wiegandFormat: 0,
      wiegandOutput: 0,
      standbyWpUrl: '',
    },
    algorithmConfig: {
      recognitionMode: 0,
      recognitionThreshold: 80,
      livenessModel: 1,
      livenessThreshold: 80,
      maxDistance: 2,
      ...angles,
      strangerRecognitionThreshold: 60,
      faceAeMode: false,
      maskSwitch: false,
      maskThreshold: 60,
    },
    safeGuardConfig: { recognitionMode: 0, recognitionThreshold: 85, livenessModel: 1, livenessThreshold: 80, maxDistance: 2, ...angles, strangerRecognitionThreshold: 60, recognitionInterval: 3 },
    strangerConfig: { recognitionMode: 0, recognitionThreshold: 60, maxDistance: 2, ...angles, strangerRecognitionThreshold: 60, recognitionInterval: 3 },
    temperatureConfig: { temperatureSwitch: false, highTemperatureOff: false, temperatureMode: false, highThreshold: 37.2, maskAlertSwitch: false, unMaskOff: false },
  };
}

export function copyDoorConfig(config: DoorConfig): DoorConfig {
  return structuredClone(config);
}

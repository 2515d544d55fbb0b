import type { Detector } from '../detector';
import { agentCodeDetector } from './agentCode';
import { claudeSettingsDetector } from './claudeSettings';
import { mcpConfigDetector } from './mcpConfig';
import { mcpServerCodeDetector } from './mcpServerCode';
import { oauthScopeDetector } from './oauthScopes';
import { zedSettingsDetector } from './zedSettings';

/** The AI-agent scope detectors (rules `agent/...`). */
export const agentDetectors: Detector[] = [mcpConfigDetector, claudeSettingsDetector, agentCodeDetector, mcpServerCodeDetector, oauthScopeDetector, zedSettingsDetector];

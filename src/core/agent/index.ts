import type { Detector } from '../detector';
import { agentCodeDetector } from './agentCode';
import { claudeSettingsDetector } from './claudeSettings';
import { mcpConfigDetector } from './mcpConfig';
import { oauthScopeDetector } from './oauthScopes';

/** The AI-agent scope detectors (rules `agent/...`). */
export const agentDetectors: Detector[] = [mcpConfigDetector, claudeSettingsDetector, agentCodeDetector, oauthScopeDetector];

import type { AccountState } from '../store.js';

/**
 * Flex v1 `GET /v1/Configuration` (twilio_flex_v1.json, flex.v1.configuration): the account's
 * Flex instance, its chat service and its TaskRouter workspace, which clients read to find them.
 * The spec's other keys are all nullable and carry the UI, CRM and plugin settings, which no
 * client of this emulator reads: they are present and null, as on an account that never set them.
 */
export function flexConfiguration(account: AccountState, baseUrl: string): Record<string, unknown> {
  const { record } = account;
  const unset = Object.fromEntries(UNSET_KEYS.map((key) => [key, null]));
  return {
    ...unset,
    account_sid: record.sid,
    // Flex is set up when the account's default chat service is.
    date_created: account.defaultService.record.dateCreated,
    date_updated: account.defaultService.record.dateUpdated,
    status: 'ok',
    taskrouter_workspace_sid: record.workspaceSid,
    chat_service_instance_sid: record.defaultChatServiceSid,
    flex_service_instance_sid: record.defaultChatServiceSid,
    flex_instance_sid: record.flexInstanceSid,
    runtime_domain: 'https://flex.twilio.com',
    ui_language: 'en',
    ui_version: '2.7',
    service_version: '2.7',
    plugin_service_enabled: false,
    url: `${baseUrl}/v1/Configuration`,
  };
}

const UNSET_KEYS = [
  'attributes',
  'taskrouter_target_workflow_sid',
  'taskrouter_target_taskqueue_sid',
  'taskrouter_taskqueues',
  'taskrouter_skills',
  'taskrouter_worker_channels',
  'taskrouter_worker_attributes',
  'taskrouter_offline_activity_sid',
  'messaging_service_instance_sid',
  'ui_attributes',
  'ui_dependencies',
  'call_recording_enabled',
  'call_recording_webhook_url',
  'crm_enabled',
  'crm_type',
  'crm_callback_url',
  'crm_fallback_url',
  'crm_attributes',
  'public_attributes',
  'plugin_service_attributes',
  'integrations',
  'outbound_call_flows',
  'serverless_service_sids',
  'queue_stats_configuration',
  'notifications',
  'markdown',
  'flex_insights_hr',
  'flex_insights_drilldown',
  'flex_url',
  'channel_configs',
  'debugger_integration',
  'flex_ui_status_report',
  'agent_conv_end_methods',
  'citrix_voice_vdi',
  'offline_config',
];

// What every part of the parking cockpit needs loaded first (its host and each lazily loaded panel).
import './i18n';
import './parking.css';
